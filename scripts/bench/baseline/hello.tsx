// The comparison point for taskpane.firstRenderRatio: the smallest React + Fluent UI v9 pane, built by the same config.
import { createRoot } from "react-dom/client";
import { FluentProvider, Subtitle2, webLightTheme } from "@fluentui/react-components";

createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}>
    <Subtitle2 as="h2" data-testid="item-subject">
      Hello
    </Subtitle2>
  </FluentProvider>,
);
