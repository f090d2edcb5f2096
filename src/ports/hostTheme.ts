/** The host's colours, reduced to what the UI needs to pick a light or dark Fluent theme. */
export interface HostTheme {
  readonly dark: boolean;
  /** CSS colour of the pane background. */
  readonly background: string;
  /** CSS colour of body text. */
  readonly foreground: string;
}

/** Follows the Office theme. */
export interface ThemeSource {
  current(): HostTheme;
  /** Calls `listener` when the user switches theme (where the host reports it); returns an unsubscribe function. */
  onChanged(listener: (theme: HostTheme) => void): () => void;
}
