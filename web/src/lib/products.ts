/** Products in their categories, in the order the list has them (sorted by category already). */
export function groupByCategory<P extends { category: string }>(products: readonly P[]): Array<[string, P[]]> {
  const groups = new Map<string, P[]>();
  for (const product of products) groups.set(product.category, [...(groups.get(product.category) ?? []), product]);
  return [...groups];
}
