// Valid samples of every message of the background's contract, generated from the contract module
// itself (utils/messages/to-background.ts): a type added there is sampled, sent and checked by the
// forged-message tests (unit and browser) the day it exists. Fields are filled from each schema's
// JSON Schema; the few whole documents a generator can't invent (a catalog, a rule) come from the
// product's own defaults.
import { z } from 'zod';
import { ToBackground, type MessageType } from '../../../utils/messages/to-background';
import { DEFAULT_CATALOG } from '../../../utils/catalog/default-catalog';

type Json = Record<string, unknown>;

export interface SampleContext {
  /** A task key to act on (a real one in browser tests). */
  taskKey: string;
  tabId: number;
  origin: string;
}

const WHOLE: Record<string, (ctx: SampleContext) => unknown> = {
  catalog: () => DEFAULT_CATALOG,
  rule: () => ({ id: 'forged-rule', title: '关于报送安全台账的通知', signature: '报送安全台账', category: 'emergency', action: 'commando-team', createdAt: 1, source: 'user' }),
  // A rows/report row: the model's shape with a title the classifier can read.
  rows: () => [{ nativeId: 'forged-1', title: '关于做好防汛工作的通知（伪造）', fields: {} }],
};

function fill(schema: Json, name: string, ctx: SampleContext): unknown {
  if (name in WHOLE && (schema.type === 'object' || schema.type === 'array')) return WHOLE[name]!(ctx);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.anyOf)) return fill((schema.anyOf as Json[]).find((s) => s.type !== 'null') ?? (schema.anyOf as Json[])[0]!, name, ctx);
  switch (schema.type) {
    case 'string': {
      if (name === 'taskKey') return ctx.taskKey;
      if (schema.format === 'uri' || name === 'origin') return ctx.origin;
      if (name === 'url') return `${ctx.origin}/`;
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return 'x'.repeat(Math.max(1, min));
    }
    case 'integer':
    case 'number':
      if (name === 'tabId') return ctx.tabId;
      return typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
    case 'boolean':
      return true;
    case 'array': {
      const n = typeof schema.minItems === 'number' ? schema.minItems : 0;
      return Array.from({ length: n }, () => fill((schema.items as Json) ?? {}, name, ctx));
    }
    case 'object': {
      const out: Json = {};
      const props = (schema.properties as Record<string, Json>) ?? {};
      const required = new Set((schema.required as string[]) ?? []);
      // Optional fields too, where they say which tab or task a message is about.
      for (const [key, prop] of Object.entries(props)) {
        if (required.has(key) || key === 'tabId' || key === 'taskKey') out[key] = fill(prop, key, ctx);
      }
      return out;
    }
    default:
      return null;
  }
}

/** Every message type of the contract, as the discriminated union lists them. */
export const CONTRACT_TYPES: MessageType[] = ToBackground.options.map((o) => o.shape.type.value);

/** One valid message of each type. Throws if the generator can't make a valid one. */
export function contractSamples(ctx: SampleContext): ToBackground[] {
  return ToBackground.options.map((option) => {
    const sample = fill(z.toJSONSchema(option, { unrepresentable: 'any' }) as Json, '', ctx);
    const parsed = ToBackground.safeParse(sample);
    if (!parsed.success) throw new Error(`no valid sample for ${option.shape.type.value}: ${parsed.error.message}`);
    return parsed.data;
  });
}
