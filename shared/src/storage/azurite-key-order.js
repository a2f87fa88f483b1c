'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: `node --require` loads it before Azurite's main */
/**
 * Preload for Azurite's table service (`node --require <this file> …/table/main.js`; `startAzurite`
 * adds it unless asked for a stock emulator). Stock Azurite answers every entity query by running
 * the filter over every row of the table and sorting all matches, once per page of at most 1,000:
 * reading a partition in pages costs O(table) per page. Here a query whose filter has a top-level
 * `PartitionKey eq '<string>'` walks only that partition, in RowKey order, from the first RowKey the
 * filter and the continuation allow, and stops after a page (or past the filter's RowKey upper
 * bound). The stock filter function and the stock continuation predicate still decide every row;
 * only which rows are looked at, and in which order, changes, so results, order and continuation
 * are stock's (held to it by `azurite-key-order.int.spec.ts`, random data and filters against a
 * stock emulator). Other queries run stock.
 *
 * The emulator keeps LokiJS binary indices on PartitionKey and RowKey, but LokiJS orders numeric
 * strings as numbers, not as Table Storage (and stock's sort) does; so this keeps its own index:
 * per table, per partition, the RowKeys in JavaScript string order with their LokiJS ids, built on
 * a table's first partition query and kept up to date by the collection's insert, update and
 * delete events. A change that bypasses them shows as a row count that differs or an id whose row
 * moved: the index is then rebuilt before the query runs.
 *
 * Written against Azurite 3.37.0's `LokiTableMetadataStore.queryTableEntities`: on any other
 * version it switches itself off and says so on the first line it prints.
 */
const { dirname, join } = require('node:path');

const SUPPORTED = ['3.37.0'];
const TAG = '[azurite-key-order]';

function install() {
  const root = dirname(require.resolve('azurite/package.json'));
  const { version } = require(join(root, 'package.json'));
  if (!SUPPORTED.includes(version)) {
    return `off: written for Azurite ${SUPPORTED.join(', ')}, this is ${version}; queries run stock`;
  }
  const persistence = join(root, 'dist', 'src', 'table', 'persistence');
  const Store = require(join(persistence, 'LokiTableMetadataStore')).default;
  const Generator = require(join(persistence, 'LokiTableStoreQueryGenerator')).default;
  const parseQuery = require(join(persistence, 'QueryInterpreter', 'QueryParser')).default;
  const node = (name) => require(join(persistence, 'QueryInterpreter', 'QueryNodes', name)).default;
  const nodes = {
    and: node('AndNode'),
    identifier: node('IdentifierNode'),
    constant: node('ConstantNode'),
  };
  const stock = Store.prototype.queryTableEntities;
  if (typeof stock !== 'function' || typeof parseQuery !== 'function') {
    return `off: Azurite ${version} does not have the functions this replaces; queries run stock`;
  }

  Store.prototype.queryTableEntities = async function queryTableEntities(...args) {
    const [context, account, table, queryOptions, nextPartitionKey, nextRowKey] = args;
    const plan = planOf(queryOptions.filter, nodes, parseQuery);
    if (!plan) return stock.apply(this, args);
    // The same calls, in the same order, as stock: the same errors for a missing table or a bad filter.
    const collection = this.getEntityCollection(account, table, context);
    const queryWhere = Generator.generateQueryForPersistenceLayer(queryOptions, context);
    const maxResults = this.getMaxResultsOption(queryOptions);
    const nextPK = this.decodeContinuationHeader(nextPartitionKey);
    const nextRK = this.decodeContinuationHeader(nextRowKey);
    const result = walk(collection, plan, nextPK, nextRK, maxResults, queryWhere);
    if (!result) return stock.apply(this, args);
    const response = this.adjustQueryResultforTop(result, maxResults);
    return [result, response.nextPartitionKeyResponse, response.nextRowKeyResponse];
  };
  return `on (Azurite ${version})`;
}

/**
 * `{ partition, lower?, upper? }` from the filter's top-level `and` terms: `PartitionKey eq '<s>'`
 * (required) and `RowKey` compared with a string (bounds); undefined when the query is not one.
 */
function planOf(filter, nodes, parseQuery) {
  if (typeof filter !== 'string' || filter === '') return undefined;
  let tree;
  try {
    tree = parseQuery(filter);
  } catch {
    return undefined; // stock reports the error
  }
  const terms = [];
  const collect = (n) => {
    if (n instanceof nodes.and) {
      collect(n.left);
      collect(n.right);
    } else terms.push(n);
  };
  collect(tree);
  const plan = { partition: undefined, lower: undefined, upper: undefined };
  for (const term of terms) {
    const comparison = keyComparison(term, nodes);
    if (!comparison) continue;
    const { key, operator, value } = comparison;
    if (key === 'PartitionKey') {
      if (operator === 'eq' && plan.partition === undefined) plan.partition = value;
      continue;
    }
    if (operator === 'eq' || operator === 'ge' || operator === 'gt') {
      const bound = { value, inclusive: operator !== 'gt' };
      if (!plan.lower || tighterLower(bound, plan.lower)) plan.lower = bound;
    }
    if (operator === 'eq' || operator === 'le' || operator === 'lt') {
      const bound = { value, inclusive: operator !== 'lt' };
      if (!plan.upper || tighterUpper(bound, plan.upper)) plan.upper = bound;
    }
  }
  return plan.partition === undefined ? undefined : plan;
}

const MIRRORED = { eq: 'eq', ge: 'le', gt: 'lt', le: 'ge', lt: 'gt' };

/** `PartitionKey|RowKey <op> '<string>'` (either way round): the nodes compare with `===`, `<`, `>=`… */
function keyComparison(term, nodes) {
  const operator = term?.name;
  if (!Object.hasOwn(MIRRORED, operator)) return undefined;
  const { left, right } = term;
  const isKey = (n) =>
    n instanceof nodes.identifier && (n.identifier === 'PartitionKey' || n.identifier === 'RowKey');
  const isString = (n) => n instanceof nodes.constant && typeof n.value === 'string';
  if (isKey(left) && isString(right)) return { key: left.identifier, operator, value: right.value };
  if (isString(left) && isKey(right))
    return { key: right.identifier, operator: MIRRORED[operator], value: left.value };
  return undefined;
}

const tighterLower = (a, b) => a.value > b.value || (a.value === b.value && !a.inclusive);
const tighterUpper = (a, b) => a.value < b.value || (a.value === b.value && !a.inclusive);

/**
 * Up to `maxResults + 1` rows of the plan's partition that stock would return, in stock's order;
 * undefined when the partition holds a key that is not a string (stock then decides).
 */
function walk(collection, plan, nextPK, nextRK, maxResults, queryWhere) {
  const { partition } = plan;
  let lower = plan.lower;
  // Stock's continuation predicate, verbatim (see `admits`), narrowed to one partition.
  if (nextRK !== undefined) {
    if (nextPK === partition) {
      const bound = { value: nextRK, inclusive: true };
      if (!lower || tighterLower(bound, lower)) lower = bound;
    } else if (!(nextPK !== undefined && partition > nextPK)) return [];
  } else if (nextPK !== undefined && partition < nextPK) return [];

  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = partitionRows(collection, partition);
    if (rows === null) return undefined;
    const result = [];
    if (!rows) return result;
    const { keys, ids } = rows;
    let i = lower ? firstAtOrAbove(keys, lower) : 0;
    let consistent = true;
    for (; i < keys.length && result.length <= maxResults; i++) {
      const rowKey = keys[i];
      if (plan.upper && (plan.upper.inclusive ? rowKey > plan.upper.value : rowKey >= plan.upper.value))
        break;
      const doc = collection.get(ids[i]);
      if (!doc || doc.PartitionKey !== partition || doc.RowKey !== rowKey) {
        consistent = false;
        break;
      }
      if (admits(doc, nextPK, nextRK) && queryWhere(doc)) result.push(doc);
    }
    if (consistent) return result;
    indexOf(collection).stale = true;
  }
  return undefined;
}

/** Stock's continuation filter (3.37.0 `queryTableEntities`), unchanged. */
function admits(data, decodedNextPartitionKey, decodedNextRowKey) {
  if (decodedNextPartitionKey !== undefined) {
    if (data.PartitionKey > decodedNextPartitionKey) return true;
  }
  if (decodedNextRowKey !== undefined) {
    if (
      data.RowKey >= decodedNextRowKey &&
      (data.PartitionKey === decodedNextPartitionKey || data.PartitionKey === undefined)
    ) {
      return true;
    }
    return false;
  }
  if (decodedNextPartitionKey !== undefined) {
    if (data.PartitionKey < decodedNextPartitionKey) return false;
  }
  return true;
}

/** Position of the first key at or above (above, if exclusive) the bound. */
function firstAtOrAbove(keys, bound) {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const below = bound.inclusive ? keys[mid] < bound.value : keys[mid] <= bound.value;
    if (below) low = mid + 1;
    else high = mid;
  }
  return low;
}

// ---- the index: per collection, partition → { keys (JS order), ids (LokiJS $loki) } ----

const indices = new WeakMap();

function indexOf(collection) {
  let index = indices.get(collection);
  if (!index) {
    index = { partitions: new Map(), count: 0, stale: true, untyped: false };
    indices.set(collection, index);
    collection.on('insert', (docs) => {
      for (const doc of Array.isArray(docs) ? docs : [docs]) add(index, doc);
    });
    collection.on('delete', (doc) => remove(index, doc));
    collection.on('update', (doc, old) => {
      if (!old || doc.PartitionKey !== old.PartitionKey || doc.RowKey !== old.RowKey) {
        index.stale = true;
      }
    });
  }
  return index;
}

/** The partition's rows; undefined when it is empty, null when a key is not a string. */
function partitionRows(collection, partition) {
  const index = indexOf(collection);
  if (index.stale || index.count !== collection.data.length) rebuild(index, collection.data);
  if (index.untyped) return null;
  return index.partitions.get(partition);
}

function rebuild(index, docs) {
  const groups = new Map();
  index.untyped = false;
  for (const doc of docs) {
    if (typeof doc.PartitionKey !== 'string' || typeof doc.RowKey !== 'string') index.untyped = true;
    let group = groups.get(doc.PartitionKey);
    if (!group) groups.set(doc.PartitionKey, (group = []));
    group.push(doc);
  }
  index.partitions = new Map();
  for (const [partition, group] of groups) {
    group.sort((a, b) => (a.RowKey < b.RowKey ? -1 : a.RowKey > b.RowKey ? 1 : a.$loki - b.$loki));
    index.partitions.set(partition, {
      keys: group.map((doc) => doc.RowKey),
      ids: group.map((doc) => doc.$loki),
    });
  }
  index.count = docs.length;
  index.stale = false;
}

function add(index, doc) {
  index.count++;
  if (index.stale) return;
  if (typeof doc.PartitionKey !== 'string' || typeof doc.RowKey !== 'string') index.untyped = true;
  let rows = index.partitions.get(doc.PartitionKey);
  if (!rows) index.partitions.set(doc.PartitionKey, (rows = { keys: [], ids: [] }));
  const { keys, ids } = rows;
  // Appending is the common case (ids and time-ordered keys grow).
  const at =
    keys.length === 0 || keys[keys.length - 1] < doc.RowKey
      ? keys.length
      : firstAtOrAbove(keys, { value: doc.RowKey, inclusive: false });
  keys.splice(at, 0, doc.RowKey);
  ids.splice(at, 0, doc.$loki);
}

function remove(index, doc) {
  index.count--;
  if (index.stale) return;
  const rows = index.partitions.get(doc.PartitionKey);
  if (rows) {
    const { keys, ids } = rows;
    for (let i = firstAtOrAbove(keys, { value: doc.RowKey, inclusive: true }); keys[i] === doc.RowKey; i++) {
      if (ids[i] === doc.$loki) {
        keys.splice(i, 1);
        ids.splice(i, 1);
        if (keys.length === 0) index.partitions.delete(doc.PartitionKey);
        return;
      }
    }
  }
  index.stale = true;
}

let status;
try {
  status = install();
} catch (error) {
  status = `off: ${error?.message}; queries run stock`;
}
console.log(`${TAG} ${status}`);
module.exports = { status };
