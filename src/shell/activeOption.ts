import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The active option of a listbox that keeps focus in its input or list (aria-activedescendant): marked by an outline as
 * well as a background, because forced colours (Windows high contrast) drop background colours and would leave the
 * active option looking like every other; outlines stay, in a system colour (CSS Media Queries level 5, the
 * forced-colors media feature). There the outline takes Highlight, the system colour of a selected item (CSS Color
 * level 4, system colours), as a native list would show it.
 */
export const useActiveOptionStyles = makeStyles({
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: "-2px",
    "@media (forced-colors: active)": { outlineColor: "Highlight" },
  },
});
