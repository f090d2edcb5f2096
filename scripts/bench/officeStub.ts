/**
 * A minimal office.js stand-in served in place of the CDN script when the bench loads the production task pane:
 * one read item, callbacks answered at once. Enough for the pane's first render, nothing more.
 */
export const OFFICE_STUB = `
(function(){
  var ok = function(value){ return { status: "succeeded", value: value }; };
  var later = function(cb, v){ if (typeof cb === "function") setTimeout(function(){ cb(ok(v)); }, 0); };
  var cbOf = function(a, b){ return typeof a === "function" ? a : b; };
  var item = {
    itemId: "AAMkAD-bench", itemType: "message", subject: "Lease renewal: status?",
    from: { displayName: "Client", emailAddress: "client@client.example" },
    to: [{ displayName: "Me", emailAddress: "me@firm.example" }], cc: [],
    dateTimeCreated: new Date("2025-08-26T09:00:00Z"), internetMessageId: "<bench@client.example>", conversationId: "conv-bench",
    attachments: [],
    body: { getAsync: function(t, o, c){ later(cbOf(o, c), "Could you tell me where we are on the lease?"); } },
    categories: { getAsync: function(o, c){ later(cbOf(o, c), []); } },
    notificationMessages: { getAllAsync: function(o, c){ later(cbOf(o, c), []); }, replaceAsync: function(k, m, o, c){ later(cbOf(o, c)); }, removeAsync: function(k, o, c){ later(cbOf(o, c)); }, addAsync: function(k, m, o, c){ later(cbOf(o, c)); } }
  };
  window.Office = {
    HostType: { Outlook: "Outlook" }, EventType: { ItemChanged: "olkItemSelectedChanged" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" }, CoercionType: { Text: "text", Html: "html" },
    MailboxEnums: { RestVersion: { v2_0: "v2.0" }, ItemType: { Message: "message" } },
    onReady: function(cb){ var info = { host: "Outlook", platform: "OfficeOnline" }; if (cb) setTimeout(function(){ cb(info); }, 0); return Promise.resolve(info); },
    context: {
      mailbox: { item: item, userProfile: { emailAddress: "me@firm.example", displayName: "Me", timeZone: "UTC" }, diagnostics: { hostName: "OutlookWebApp" },
        addHandlerAsync: function(t, h, o, c){ later(cbOf(o, c)); }, removeHandlerAsync: function(t, o, c){ later(cbOf(o, c)); },
        convertToRestId: function(id){ return id; }, masterCategories: { getAsync: function(o, c){ later(cbOf(o, c), []); } } },
      requirements: { isSetSupported: function(name, v){ return name === "Mailbox" ? parseFloat(v || "1") <= 1.13 : false; } },
      officeTheme: { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#000000" },
      roamingSettings: { get: function(){ return undefined; }, set: function(){}, saveAsync: function(c){ later(c); } },
      ui: { displayDialogAsync: function(){} }
    },
    actions: { associate: function(){} }
  };
})();
`;
