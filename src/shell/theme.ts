import type { PartialTheme } from "@fluentui/react-components";
import type { HostTheme } from "@ports/hostTheme";

/** The dark and high-contrast themes, loaded on demand (`loadOtherThemes`). */
export type OtherThemes = typeof import("./otherThemes");

/** Which Fluent theme a pane shows: follows Office, with the OS's forced colours first. */
export type ThemeKind = "light" | "dark" | "high-contrast";

/**
 * Office's default, light. Its CSS variables come with the pane's page (Fluent's webLightTheme written as a :root rule at
 * build time, see webpack.config.js), so the provider adds none over them and the first script carries no theme tokens.
 */
export const LIGHT_THEME: PartialTheme = {};

let others: OtherThemes | null = null;
let loading: Promise<OtherThemes> | null = null;

export function themeKindOf(theme: HostTheme, highContrast: boolean): ThemeKind {
  return highContrast ? "high-contrast" : theme.dark ? "dark" : "light";
}

/**
 * Loads the dark and high-contrast themes, kept out of the pane's first script (their tokens are large). The pane awaits this
 * before its first render when Office is dark or colours are forced, so no light flash is ever shown at start.
 */
export function loadOtherThemes(): Promise<OtherThemes> {
  loading ??= import(/* webpackChunkName: "themes" */ "./otherThemes").then(
    (m) => (others = m),
    (error: unknown) => {
      loading = null; // a failed chunk load may succeed next time
      throw error;
    },
  );
  return loading;
}

/** The dark and high-contrast themes if they have loaded, else null. */
export function loadedOtherThemes(): OtherThemes | null {
  return others;
}

/**
 * The Fluent v9 theme matching Office: high contrast first (the OS forces colours), then dark, else light. Null while
 * the dark and high-contrast themes (`otherThemes`) have not loaded.
 */
export function fluentThemeFor(theme: HostTheme, highContrast: boolean, otherThemes: OtherThemes | null): PartialTheme | null {
  const kind = themeKindOf(theme, highContrast);
  if (kind === "light") return LIGHT_THEME;
  if (!otherThemes) return null;
  if (kind === "high-contrast") return otherThemes.teamsHighContrastTheme;
  // Follow Office's own dark background so the pane does not look pasted onto the host.
  return { ...otherThemes.webDarkTheme, colorNeutralBackground1: theme.background || otherThemes.webDarkTheme.colorNeutralBackground1 };
}

/** True while the OS runs a high-contrast (forced colours) theme. */
export function prefersHighContrast(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
}
