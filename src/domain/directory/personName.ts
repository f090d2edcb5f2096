import type { Directory } from "./types";

/**
 * How the pane names whoever did something (filed an email, set one aside): "you" for the signed-in user, the firm
 * person's or the client contact's name from the directory, else the address as recorded (never invented).
 */
export function personName(directory: Directory | null, address: string, me: string): string {
  const email = address.trim().toLowerCase();
  if (email && email === me.trim().toLowerCase()) return "you";
  if (!directory || !email.includes("@")) return address;
  const person = directory.people.find((p) => p.email.toLowerCase() === email);
  if (person) return person.name;
  for (const client of directory.clients) {
    const contact = client.contacts.find((c) => c.email.toLowerCase() === email);
    if (contact) return contact.name;
  }
  return address;
}
