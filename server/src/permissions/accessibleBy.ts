import { rulesToAST } from '@casl/ability/extra';
import { Brackets, NotBrackets, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import type { Action, AppAbility, SubjectName } from './RoleRule';

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

const comparisons: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * Narrows `query` to the rows `ability` lets the user `action`, in SQL: the CASL rules
 * become a WHERE clause, so lists are filtered by the database, never in memory.
 * Fields in rule conditions must be column property names of `alias`.
 */
export function accessibleBy<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, ability: AppAbility, action: Action, type: SubjectName, alias = query.alias): SelectQueryBuilder<T> {
  const ast = rulesToAST(ability, action, type) as AstNode | null;
  if (ast === null) return query.andWhere('1 = 0');
  let counter = 0;
  const param = (value: unknown) => {
    const name = `casl_${counter++}`;
    query.setParameter(name, value);
    return name;
  };
  const column = (field: string) => {
    if (!/^\w+$/.test(field)) throw new Error(`Unsupported field in a permission rule: ${field}`);
    return `${alias}.${field}`;
  };
  const build = (node: AstNode, where: WhereExpressionBuilder): void => {
    switch (node.operator) {
      case 'and':
      case 'or': {
        const children = node.value as AstNode[];
        if (children.length === 0) {
          where.andWhere(node.operator === 'and' ? '1 = 1' : '1 = 0');
          return;
        }
        where.andWhere(new Brackets((group) => {
          children.forEach((child, i) => {
            const nested = new Brackets((inner) => build(child, inner));
            if (i === 0) group.where(nested);
            else if (node.operator === 'and') group.andWhere(nested);
            else group.orWhere(nested);
          });
        }));
        return;
      }
      case 'not':
        where.andWhere(new NotBrackets((inner) => build((node.value as AstNode[])[0], inner)));
        return;
      case 'in':
      case 'nin': {
        const values = node.value as unknown[];
        if (values.length === 0) where.andWhere(node.operator === 'in' ? '1 = 0' : '1 = 1');
        else where.andWhere(`${column(node.field!)} ${node.operator === 'in' ? 'IN' : 'NOT IN'} (:...${param(values)})`);
        return;
      }
      default: {
        const sql = comparisons[node.operator];
        if (!sql) throw new Error(`Unsupported operator in a permission rule: ${node.operator}`);
        if (node.value === null) where.andWhere(`${column(node.field!)} IS ${node.operator === 'eq' ? '' : 'NOT '}NULL`);
        else where.andWhere(`${column(node.field!)} ${sql} :${param(node.value)}`);
      }
    }
  };
  return query.andWhere(new Brackets((where) => build(ast, where)));
}
