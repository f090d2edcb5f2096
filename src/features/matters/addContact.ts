import { MatterlineError, noDirectoryError } from "@domain/errors";
import type { Contact } from "@domain/directory/types";
import { isValidEmail, validateDirectory } from "@domain/directory/parseDirectory";
import { isFirmAddress } from "@domain/directory/directoryIndex";
import { normalizeEmail } from "@domain/model/mail";
import type { DirectoryProvider } from "@domain/directory/directoryProvider";

/**
 * Adds an address (usually the open email's sender) as a contact of a client and saves the directory through the
 * provider, so recognition knows the sender from the next message on. Refuses what would make recognition wrong:
 * a firm address, an address already on a client (one address must point at one client), an unknown client.
 */
export async function addClientContact(
  provider: DirectoryProvider,
  clientId: string,
  contact: { name?: string; email: string },
  now: Date,
): Promise<Contact> {
  const loaded = await provider.current();
  if (!loaded) throw noDirectoryError();
  const email = normalizeEmail(contact.email);
  if (!isValidEmail(email)) throw new MatterlineError("invalid-input", `"${contact.email}" is not a valid email address.`);
  const client = loaded.index.clientById.get(clientId);
  if (!client) throw new MatterlineError("invalid-input", `Client ${clientId} is not in the firm directory.`);
  if (isFirmAddress(loaded.index, email)) throw new MatterlineError("invalid-input", `${email} belongs to the firm, not to a client.`);
  const owner = loaded.index.contactByEmail.get(email);
  if (owner) {
    const ownerName = loaded.index.clientById.get(owner.clientId)?.name ?? owner.clientId;
    throw new MatterlineError(
      "invalid-input",
      owner.clientId === clientId
        ? `${email} is already a contact of ${ownerName}.`
        : `${email} is already a contact of another client, ${ownerName}.`,
    );
  }
  const added: Contact = { name: contact.name?.trim() || email, email };
  const next = {
    ...loaded.directory,
    clients: loaded.directory.clients.map((c) => (c.id === clientId ? { ...c, contacts: [...c.contacts, added] } : c)),
  };
  // Validate the whole directory again: the saved directory must always be one an import would accept.
  await provider.replace(validateDirectory(next), now.toISOString());
  return added;
}
