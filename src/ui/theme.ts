import { webDarkTheme, webLightTheme, teamsHighContrastTheme, type Theme } from "@fluentui/react-components";

/** The host's theme as the UI needs it: Office gives colours, not a name, so "dark" is derived from the background. */
export interface ThemeInfo {
  readonly dark: boolean;
  readonly highContrast: boolean;
  readonly background?: string;
  readonly foreground?: string;
}

/** Reads the host theme and tells when it changes. */
export interface ThemeSource {
  current(): ThemeInfo;
  onChange(listener: () => void): () => void;
}

/** Picks the Fluent v9 theme that matches Office: high contrast first, then dark, else light. */
export function fluentThemeFor(info: ThemeInfo): Theme {
  if (info.highContrast) return teamsHighContrastTheme;
  if (!info.dark) return webLightTheme;
  // Follow Office's own background so the pane does not look pasted onto the host.
  return info.background ? { ...webDarkTheme, colorNeutralBackground1: info.background } : webDarkTheme;
}

/** True when a CSS hex colour is dark (relative luminance below the midpoint). */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return false;
  const n = parseInt(m[1], 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}
