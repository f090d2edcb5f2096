/**
 * The runtime values of the Office enums the app reads. Office.js defines them as strings at run time even
 * though the typings declare numeric-looking enums, so code must compare against `Office.X.Y`, never literals.
 */
export const officeEnums = {
  HostType: {
    Word: "Word",
    Excel: "Excel",
    PowerPoint: "PowerPoint",
    Outlook: "Outlook",
    OneNote: "OneNote",
    Project: "Project",
    Access: "Access",
  },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  CoercionType: { Text: "text", Html: "html" },
  EventType: {
    ItemChanged: "olkItemSelectedChanged",
    SelectedItemsChanged: "olkSelectedItemsChanged",
    OfficeThemeChanged: "officeThemeChanged",
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
    RecipientsChanged: "olkRecipientsChanged",
    AttachmentsChanged: "olkAttachmentsChanged",
  },
  MailboxEnums: {
    RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
    ItemNotificationMessageType: {
      ProgressIndicator: "progressIndicator",
      InformationalMessage: "informationalMessage",
      ErrorMessage: "errorMessage",
      InsightMessage: "insightMessage",
    },
    ItemType: { Message: "message", Appointment: "appointment" },
    BodyType: { Text: "text", Html: "html" },
    AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
    SendModeOverride: { PromptUser: "promptUser" },
    CategoryColor: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`Preset${i}`, `Preset${i}`])) as Record<string, string>,
  },
} as const;

/** Events a compose item's addHandlerAsync accepts, with the Mailbox version that introduced each. */
export const itemEventSince: Readonly<Record<string, string>> = {
  [officeEnums.EventType.RecipientsChanged]: "1.7",
  [officeEnums.EventType.AttachmentsChanged]: "1.8",
};

/** Event mailbox.addHandlerAsync accepts, with the Mailbox version that introduced it. */
export const mailboxEventSince: Readonly<Record<string, string>> = {
  [officeEnums.EventType.ItemChanged]: "1.5",
  [officeEnums.EventType.SelectedItemsChanged]: "1.13",
  [officeEnums.EventType.OfficeThemeChanged]: "1.14",
};

export const themes = {
  light: {
    bodyBackgroundColor: "#ffffff",
    bodyForegroundColor: "#242424",
    controlBackgroundColor: "#f5f5f5",
    controlForegroundColor: "#242424",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#292929",
    bodyForegroundColor: "#ffffff",
    controlBackgroundColor: "#1f1f1f",
    controlForegroundColor: "#ffffff",
    isDarkTheme: true,
  },
} as const;
