import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { LibraryNode } from "@simulators/graph/sharePoint";

const useStyles = makeStyles({
  root: { overflowY: "auto", padding: "8px 12px", backgroundColor: tokens.colorNeutralBackground1, margin: 0 },
  tree: { listStyle: "none", margin: 0, paddingLeft: "14px" },
  top: { listStyle: "none", margin: 0, paddingLeft: 0 },
  file: { overflowWrap: "anywhere" },
});

function Node({ node }: { node: LibraryNode }) {
  const styles = useStyles();
  if (!node.folder)
    return (
      <li data-testid="library-file" className={styles.file}>
        <Caption1>
          📄 {node.name} ({Math.max(1, Math.round(node.size / 1024))} KB)
        </Caption1>
      </li>
    );
  return (
    <li data-testid="library-folder">
      <details open>
        <summary>
          <Text weight="semibold">📁 {node.name}</Text> <Caption1>({node.children.length})</Caption1>
        </summary>
        <ul className={styles.tree}>
          {node.children.map((c) => (
            <Node key={c.id} node={c} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/**
 * The firm's "Matter email" library as a folder tree: a folder per matter, each filed email as its `.eml`, and, when the
 * firm stores attachments, a folder of the same name beside it holding them.
 */
export function LibraryTree({ root, items }: { root: LibraryNode | null; items: number }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="Matter record library" data-testid="library-tree">
      <Text block weight="semibold">
        SharePoint · Matters · Matter email
      </Text>
      <Caption1 block data-testid="library-count">
        {items} filed {items === 1 ? "email" : "emails"} in the list “Matter email log”.
      </Caption1>
      {root && root.children.length ? (
        <ul className={styles.top}>
          {root.children.map((c) => (
            <Node key={c.id} node={c} />
          ))}
        </ul>
      ) : (
        <Caption1 block>No email filed yet.</Caption1>
      )}
    </section>
  );
}
