import type { SendMatterChoice } from "@ports/sendMatterChoice";
import { officeCall, requireItem, type OfficeNamespace } from "./officeCall";

/** Custom-property name holding the chosen matter on the draft. */
export const SEND_MATTER_PROPERTY = "matterlineMatterId";

/**
 * SendMatterChoice kept in the draft's custom properties: they travel with the item, so the OnMessageSend
 * handler, which runs in its own runtime without the pane's memory, reads the same value.
 */
export function createOfficeSendMatterChoice(office: OfficeNamespace): SendMatterChoice {
  const load = () => {
    const item = requireItem(office);
    return officeCall<Office.CustomProperties>("read Matterline's data on the draft", (cb) => item.loadCustomPropertiesAsync(cb));
  };
  return {
    async choose(matterId: string | null): Promise<void> {
      const props = await load();
      if (matterId) props.set(SEND_MATTER_PROPERTY, matterId);
      else props.remove(SEND_MATTER_PROPERTY);
      await officeCall<void>("save the chosen matter on the draft", (cb) => props.saveAsync(cb));
    },
    async chosen(): Promise<string | null> {
      const value: unknown = (await load()).get(SEND_MATTER_PROPERTY);
      return typeof value === "string" && value ? value : null;
    },
  };
}
