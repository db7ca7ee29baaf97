import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from './RoleRule';

/** A SQL condition and its named parameters, written as TypeORM takes them (`:name`, `:...name` for a list). */
export interface SqlCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

const comparisons: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** Rule trees by ability, action and subject: a user's ability is made once per sign-in and never changed, so its trees are too. */
const trees = new WeakMap<AppAbility, Map<string, AstNode | null>>();

/** The tree of conditions under which `ability` allows `action` on `type`; null when it never does. */
export function ruleTree(ability: AppAbility, action: Action, type: SubjectName): AstNode | null {
  let byRule = trees.get(ability);
  if (!byRule) trees.set(ability, (byRule = new Map()));
  const key = `${action} ${type}`;
  if (!byRule.has(key)) byRule.set(key, rulesToAST(ability, action, type) as AstNode | null);
  return byRule.get(key)!;
}

/** The fields the conditions under which `ability` allows `action` on `type` test. */
export function ruleFields(ability: AppAbility, action: Action, type: SubjectName): string[] {
  const fields: string[] = [];
  const walk = (node: AstNode): void => {
    if (node.field) fields.push(node.field);
    if (Array.isArray(node.value)) node.value.forEach((child) => typeof child === 'object' && child !== null && 'operator' in child && walk(child as AstNode));
  };
  const tree = ruleTree(ability, action, type);
  if (tree) walk(tree);
  return fields;
}

/**
 * The CASL rules under which `ability` allows `action` on `type`, as one SQL condition over
 * `column(field)`, so lists are filtered by the database, never in memory. Parameters are named
 * `casl_0`, `casl_1`, … in the order of the rules: two conditions made from one ability for two
 * aliases of a table share names and values. Fields must be plain column property names.
 */
export function ruleCondition(ability: AppAbility, action: Action, type: SubjectName, column: (field: string) => string): SqlCondition {
  const tree = ruleTree(ability, action, type);
  if (tree === null) return { sql: '1 = 0', parameters: {} };
  const parameters: Record<string, unknown> = {};
  const param = (value: unknown) => {
    const name = `casl_${Object.keys(parameters).length}`;
    parameters[name] = value;
    return name;
  };
  const columnOf = (field: string | undefined) => {
    if (!field || !/^\w+$/.test(field)) throw new Error(`Unsupported field in a permission rule: ${field}`);
    return column(field);
  };
  const sqlOf = (node: AstNode): string => {
    switch (node.operator) {
      case 'and':
      case 'or': {
        const children = node.value as AstNode[];
        if (children.length === 0) return node.operator === 'and' ? '1 = 1' : '1 = 0';
        return `(${children.map(sqlOf).join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not':
        return `NOT (${sqlOf((node.value as AstNode[])[0])})`;
      case 'in':
      case 'nin': {
        const values = node.value as unknown[];
        if (values.length === 0) return node.operator === 'in' ? '1 = 0' : '1 = 1';
        return `${columnOf(node.field)} ${node.operator === 'in' ? 'IN' : 'NOT IN'} (:...${param(values)})`;
      }
      default: {
        const comparison = comparisons[node.operator];
        if (!comparison) throw new Error(`Unsupported operator in a permission rule: ${node.operator}`);
        if (node.value === null) return `${columnOf(node.field)} IS ${node.operator === 'eq' ? '' : 'NOT '}NULL`;
        return `${columnOf(node.field)} ${comparison} :${param(node.value)}`;
      }
    }
  };
  return { sql: `(${sqlOf(tree)})`, parameters };
}
