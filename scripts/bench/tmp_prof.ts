import { generateDirectory } from "./recognition";
import { serializeRecipientIndex, loadRecipientIndex } from "@domain/sendGuard";
const d = generateDirectory(20000, 50000);
const text = serializeRecipientIndex(d, "x");
for (let i = 0; i < 3; i++) { const t = performance.now(); loadRecipientIndex(text); console.log("load", performance.now() - t); }
