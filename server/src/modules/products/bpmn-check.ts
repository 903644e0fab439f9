import type { BpmnReason } from '@baken/contracts';
import { SaxesParser } from 'saxes';

/** The BPMN 2.0 model namespace a definitions root must be in. */
export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export type BpmnCheck =
  | { ok: true; xml: string; processes: number }
  | { ok: false; reason: BpmnReason; line?: number; column?: number };

class Refused extends Error {
  constructor(readonly reason: BpmnReason) {
    super(reason);
  }
}

/**
 * Checks that bytes are a BPMN 2.0 file we can store and show: UTF-8, well-formed XML with a
 * `definitions` root in the BPMN model namespace and at least one process under it. saxes is a
 * strict, non-validating parser that never fetches or expands anything; a DOCTYPE (the only
 * place entities can be declared, hence XXE and entity expansion) is refused outright.
 */
export function checkBpmn(bytes: Buffer): BpmnCheck {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { ok: false, reason: 'encoding' };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty' };

  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let root: { uri: string; local: string } | null = null;
  let processes = 0;
  parser.on('doctype', () => {
    throw new Refused('doctype');
  });
  parser.on('opentag', (tag) => {
    if (depth === 0) root = { uri: tag.uri, local: tag.local };
    else if (depth === 1 && tag.uri === BPMN_MODEL_NS && tag.local === 'process') processes++;
    depth++; // saxes sends closetag for a self-closing tag too
  });
  parser.on('closetag', () => {
    depth--;
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason };
    return { ok: false, reason: 'not_xml', line: parser.line, column: parser.column + 1 };
  }
  const found = root as { uri: string; local: string } | null;
  if (!found || found.uri !== BPMN_MODEL_NS || found.local !== 'definitions') return { ok: false, reason: 'not_bpmn' };
  if (processes === 0) return { ok: false, reason: 'no_process' };
  return { ok: true, xml: text, processes };
}
