import type { HostTheme, ThemeSource } from "@ports/hostTheme";
import { subscribeMailboxEvent } from "./mailboxEvents";
import type { OfficeNamespace } from "./officeCall";

const LIGHT: HostTheme = { dark: false, background: "#ffffff", foreground: "#242424" };

/** Relative luminance of a #rrggbb colour (0 black … 1 white); null when unreadable. */
function luminance(color: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The Office theme as the UI needs it. Hosts without isDarkTheme are judged by the background's brightness. */
export function readOfficeTheme(office: OfficeNamespace): HostTheme {
  const theme = office.context.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
  if (!theme?.bodyBackgroundColor) return LIGHT;
  const lum = luminance(theme.bodyBackgroundColor);
  const dark = typeof theme.isDarkTheme === "boolean" ? theme.isDarkTheme : lum !== null && lum < 0.2;
  return { dark, background: theme.bodyBackgroundColor, foreground: theme.bodyForegroundColor || (dark ? "#ffffff" : LIGHT.foreground) };
}

/** ThemeSource over Office.context.officeTheme; follows OfficeThemeChanged where the host raises it (Mailbox 1.14). */
export function createOfficeThemeSource(office: OfficeNamespace): ThemeSource {
  return {
    current: () => readOfficeTheme(office),
    onChanged(listener) {
      if (!office.context.requirements.isSetSupported("Mailbox", "1.14")) return () => undefined;
      // Theme changes are cosmetic: a failed subscription just leaves the pane in its first theme.
      return subscribeMailboxEvent(
        office,
        office.EventType.OfficeThemeChanged,
        () => listener(readOfficeTheme(office)),
        () => undefined,
      );
    },
  };
}
