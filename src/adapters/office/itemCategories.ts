import { MatterlineError } from "@domain/errors";
import type { ItemCategories, ItemCategory } from "@ports/itemCategories";
import { officeCall, requireItem, type OfficeNamespace } from "./officeCall";

/** Office colours are "Preset0"…"Preset24"; Graph writes them "preset0". */
export function officeCategoryColor(color: string): string {
  const m = /^preset(\d{1,2})$/i.exec(color.trim());
  return m && Number(m[1]) <= 24 ? `Preset${Number(m[1])}` : "None";
}

function notSupported(): MatterlineError {
  return new MatterlineError(
    "not-supported",
    "This version of Outlook cannot set categories from an add-in (it needs Mailbox 1.8). Matterline will set them through Microsoft 365 instead.",
  );
}

/** ItemCategories over item.categories and mailbox.masterCategories (Mailbox 1.8). */
export function createOfficeItemCategories(office: OfficeNamespace): ItemCategories {
  const itemCategories = (): Office.Categories => {
    const categories = (requireItem(office) as { categories?: Office.Categories }).categories;
    if (!categories) throw notSupported();
    return categories;
  };
  return {
    async current(): Promise<string[]> {
      const api = itemCategories();
      const list = await officeCall<Office.CategoryDetails[]>("read the message's categories", (cb) => api.getAsync(cb));
      return (list ?? []).map((c) => c.displayName);
    },
    async add(category: ItemCategory): Promise<void> {
      const api = itemCategories();
      const master = (office.context.mailbox as { masterCategories?: Office.MasterCategories }).masterCategories;
      if (!master) throw notSupported();
      const known = await officeCall<Office.CategoryDetails[]>("read your category list", (cb) => master.getAsync(cb));
      const wanted = category.name.toLowerCase();
      if (!(known ?? []).some((c) => c.displayName.toLowerCase() === wanted)) {
        await officeCall<void>(`add the category "${category.name}" to your category list`, (cb) =>
          master.addAsync([{ displayName: category.name, color: officeCategoryColor(category.color) }], cb),
        );
      }
      await officeCall<void>(`set the category "${category.name}" on the message`, (cb) => api.addAsync([category.name], cb));
    },
    async remove(names: readonly string[]): Promise<void> {
      if (names.length === 0) return;
      const api = itemCategories();
      await officeCall<void>("remove categories from the message", (cb) => api.removeAsync([...names], cb));
    },
  };
}
