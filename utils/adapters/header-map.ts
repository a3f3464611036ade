// Column header text (or a grid's data key) → the task field it carries. Tenants rename columns,
// so text is matched by rules rather than an exact list; data keys (abbr, aria-describedby…)
// come from the products' own column models and survive renames, so they win when present.
import type { TaskFields } from '../model';

export type FieldName = 'title' | Exclude<keyof TaskFields, 'module' | 'docType'>;
/** A mapped column: the field, and 0 when it is the preferred column for that field, 1 when weaker. */
export type ColumnField = readonly [FieldName, 0 | 1];

export const squash = (s: string) => s.replace(/[\s\u00a0*：:↑↓▲▼⇅]+/g, '');

/** Headers that look like a field but are not (current handlers are not the sender, etc.). */
const IGNORED = /^(序号|操作|未操作者|操作者|当前处理人|处理人|办理人|上一步处理人|内部文号|密级|催办次数|流水号|附件|选择|关注)$/;

const RULES: ReadonlyArray<readonly [RegExp, FieldName, 0 | 1]> = [
  [/标题|名称\/文号|工作名称/, 'title', 0],
  [/文号|字号|文件编号|收文编号/, 'docMark', 0],
  [/期限|截止|剩余|超期/, 'deadline', 0],
  [/紧急|缓急|急缓|重要程度|重要性|优先级/, 'urgency', 0],
  [/节点|状态|步骤|环节/, 'node', 0],
  // A bare 类型 is often the notify kind (审批/待阅); a named module or flow type says more.
  [/^(类型|类别)$/, 'workflow', 1],
  [/类型|分类|类别|模块|工作流|流程名称|^流程$|种类|文种|所属应用|来源系统/, 'workflow', 0],
  [/主题|事项|事由|公文|名称/, 'title', 1],
  [/(创建|发起|拟稿|提交|发送|申请|起草|发件|呈报|报送)(人|者|单位|部门)|来文单位|来文机关|发文单位|发文机关|来文|送件人/, 'sender', 0],
  [/接收|到达|收到|收文|送达/, 'receivedAt', 0],
  [/时间|日期/, 'receivedAt', 1],
];

export function headerField(text: string): ColumnField | null {
  const t = squash(text);
  if (!t || t.length > 16 || IGNORED.test(t)) return null;
  for (const [re, field, rank] of RULES) if (re.test(t)) return [field, rank];
  return null;
}

/** Data keys of the products' grids (e9 WeaTable, Seeyon ajaxgrid, EKP, Tongda jqGrid, ezOFFICE). */
const KEYS: Record<string, ColumnField> = {};
const key = (field: FieldName, rank: 0 | 1, names: string) => {
  for (const n of names.split(' ')) KEYS[n] = [field, rank];
};
key('title', 0, 'requestname requestnamenew requestnamespan subject fdsubject run_name _worktitle worktitle title');
key('workflow', 0, 'workflowname categorylabel govdoctype fdmodelname fdtype4view fdcatename fdtemplatename flow_name');
key('sender', 0, 'creatername creater startusername createmembername sendunit doccreatorname begin_user begin_user_name submitorg');
key('receivedAt', 0, 'receivedate receivetime receivetimeall fdcreatetime4view worksubmittime create_time receive_time');
key('receivedAt', 1, 'createdate starttime');
key('node', 0, 'currentnodename nodename policyname prcs_name _curdisactivityname');
key('urgency', 0, 'requestlevel urgentlevel importance fdlevel _huanji_str');
key('deadline', 0, 'affairdeadlinename deadline surplustime _banliqixian');
key('docMark', 0, 'docmark edocmark');

/** `gridTable_run_name` → tries the whole key, then `run_name`, then `name`. */
export function keyField(raw: string | null): ColumnField | null {
  if (!raw) return null;
  let k = raw.toLowerCase();
  for (;;) {
    const hit = KEYS[k];
    if (hit) return hit;
    const cut = k.indexOf('_', 1);
    if (cut < 0) return null;
    k = k.slice(cut + 1);
  }
}

/** Attributes through which grids name a cell's column. */
export const KEY_ATTRS = ['abbr', 'aria-describedby', 'data-field', 'field', 'data-key'] as const;

export function cellKeyField(cell: Element, header: boolean): ColumnField | null {
  for (const a of KEY_ATTRS) {
    const hit = keyField(cell.getAttribute(a));
    if (hit) return hit;
  }
  return header ? keyField(cell.id) : null;
}
