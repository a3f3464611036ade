// Diagnostics: which grid library a frame's list looks like, guessed from the class attribute of
// its first table- or grid-like element (the content script reports it as `hint`), and what the
// generic rule ids mean. Only class names travel: no task data.

/** Class-name prefixes the libraries put on their grids (checked in tests/fixtures/grids-saved). */
const LIBRARIES: Array<[RegExp, string]> = [
  [/(^|\s)vxe-/, 'vxe-table'],
  [/(^|\s)el-table/, 'Element UI / Element Plus'],
  [/(^|\s)ant-table/, 'Ant Design Vue'],
  [/(^|\s)ivu-table/, 'View Design (iView)'],
  [/(^|\s)layui-table/, 'layui'],
  [/(^|\s)datagrid/, 'jQuery EasyUI'],
  [/(^|\s)ui-jqgrid/, 'jqGrid'],
  [/(^|\s)(bootstrap-table|fixed-table)/, 'bootstrap-table'],
  [/(^|\s)(dt-|dataTable)/, 'DataTables'],
  [/(^|\s)tabulator/, 'Tabulator'],
  [/(^|\s)ag-/, 'AG Grid'],
  [/(^|\s)t-table/, 'TDesign'],
  [/(^|\s)n-data-table/, 'Naive UI'],
  [/(^|\s)arco-table/, 'Arco Design'],
];

/** The library a class attribute belongs to, or null when none is known. */
export function guessLibrary(hint: string | undefined): string | null {
  if (!hint) return null;
  for (const [re, name] of LIBRARIES) if (re.test(hint)) return name;
  return null;
}

/**
 * The locale key that puts a rule id in words: grid rules carry the part count and the
 * header row's element ('grid:2tr': rows split across two tables; 'grid:1div': an ARIA div grid).
 */
export function ruleKey(rule: string): { key: string; arg?: string } {
  const grid = /^grid:(\d+)(\w+)$/.exec(rule);
  if (grid) return { key: grid[2] === 'tr' ? (grid[1] === '1' ? 'panel_rule_gridTable' : 'panel_rule_gridSplit') : 'panel_rule_gridRole', arg: grid[1] };
  if (rule === 'table:todo') return { key: 'panel_rule_portalTable' };
  if (rule === 'list:todo') return { key: 'panel_rule_list' };
  if (rule === 'div:rows') return { key: 'panel_rule_divRows' };
  return { key: 'panel_rule_adapter', arg: rule };
}
