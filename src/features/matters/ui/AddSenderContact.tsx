import { useEffect, useState } from "react";
import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { Address } from "@domain/model/mail";
import type { Client } from "@domain/directory/types";
import type { MattersCapability } from "../api";
import { ErrorNotice } from "@shell/ErrorNotice";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalSNudge },
});

/** "Add the sender as a contact of a client": shown for the open email whose sender the directory does not know. */
export function AddSenderContact({ capabilities, matters }: { capabilities: Capabilities; matters: MattersCapability }) {
  const styles = useStyles();
  const [sender, setSender] = useState<Address | null>(null);
  const [clients, setClients] = useState<readonly Client[]>([]);
  const [clientId, setClientId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const read = () => {
      capabilities.mail.currentItem().then(
        (item) => {
          if (!live) return;
          setSender(item.mode === "read" ? (item.message?.from ?? null) : null);
          setAdded(null);
          setError(null);
        },
        () => {
          if (live) setSender(null);
        },
      );
    };
    read();
    const load = () => {
      matters.clients().then(
        (c) => {
          if (live) setClients(c);
        },
        () => undefined,
      );
    };
    load();
    const offItem = capabilities.mail.onItemChanged(read);
    const offDir = matters.onDirectoryChanged(load);
    return () => {
      live = false;
      offItem();
      offDir();
    };
  }, [capabilities.mail, matters]);

  if (!sender) return null;
  const email = sender.email.toLowerCase();
  const known = clients.find((c) => c.contacts.some((k) => k.email.toLowerCase() === email));
  if (known)
    return (
      <Caption1 block data-testid="sender-known">
        {sender.name ?? email} is a contact of {known.name}.
      </Caption1>
    );

  const add = () => {
    setBusy(true);
    setError(null);
    matters
      .addContact(clientId, { name: sender.name, email })
      .then(
        () => setAdded(clients.find((c) => c.id === clientId)?.name ?? clientId),
        (e: unknown) => setError(e),
      )
      .finally(() => setBusy(false));
  };
  return (
    <section aria-label="Add the sender as a contact" data-testid="add-sender-contact" className={styles.root}>
      <Field label={`Add ${sender.name ? `${sender.name} <${email}>` : email} as a contact of`}>
        <Select value={clientId} onChange={(_, d) => setClientId(d.value)} data-testid="contact-client">
          <option value="">Choose a client…</option>
          {[...clients]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </Select>
      </Field>
      <div>
        <Button onClick={add} disabled={!clientId || busy} data-testid="add-contact">
          Add contact
        </Button>
      </div>
      <div aria-live="polite">
        {added ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              Added {email} to {added}.
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
    </section>
  );
}
