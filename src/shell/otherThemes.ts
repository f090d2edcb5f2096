/** The dark and high-contrast Fluent themes, in a chunk of their own: most panes open light and never need them. */
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
