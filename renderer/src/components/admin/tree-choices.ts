/**
 * A tree (qualifications, template themes) as the options of one `<select>`, depth first: each
 * option shows its path, so "Remboursement" says it is under "Facturation".
 */
export function treeChoices<N extends { id: number; children: readonly N[] }>(
  nodes: readonly N[],
  labelOf: (node: N) => string,
  parents: string[] = [],
): { value: number; label: string }[] {
  return nodes.flatMap((node) => {
    const path = [...parents, labelOf(node)];
    return [{ value: node.id, label: path.join(' › ') }, ...treeChoices(node.children, labelOf, path)];
  });
}
