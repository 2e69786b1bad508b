/** A node of an administrator's tree (qualifications, template themes) as the demo writes it. */
export interface TreeNode<T> {
  children?: T[];
}

/**
 * Inserts a tree parents first, so that each child gets its parent's id; `insert` returns the id
 * of the row it wrote. Positions follow the order of the siblings.
 */
export function insertTree<T extends TreeNode<T>>(
  nodes: readonly T[],
  insert: (node: T, parentId: number | null, position: number) => number,
  parentId: number | null = null,
): void {
  nodes.forEach((node, position) => {
    const id = insert(node, parentId, position);
    if (node.children) insertTree(node.children, insert, id);
  });
}
