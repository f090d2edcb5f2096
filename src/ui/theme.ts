import { webDarkTheme, webLightTheme, teamsHighContrastTheme, type Theme } from "@fluentui/react-components";
import type { HostTheme } from "../core/ports/hostTheme";

/** Picks the Fluent v9 theme that matches Office: high contrast first (the OS forces colours), then dark, else light. */
export function fluentThemeFor(theme: HostTheme, highContrast: boolean): Theme {
  if (highContrast) return teamsHighContrastTheme;
  if (!theme.dark) return webLightTheme;
  // Follow Office's own dark background so the pane does not look pasted onto the host.
  return { ...webDarkTheme, colorNeutralBackground1: theme.background || webDarkTheme.colorNeutralBackground1 };
}

/** True while the OS runs a high-contrast (forced colours) theme. */
export function prefersHighContrast(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
}
