// The reason for a return from the customer's own words ("брак, порвался шов", "не подошёл размер"),
// for layouts without checkboxes and for the reason column of the items table.
import type { Reason } from '../../domain/application.ts';

const RULES: Array<[RegExp, Reason]> = [
  [/не\s*т(?:от|у|а)\s+(?:товар|модел|размер|цвет)|пересорт|прислали\s+не|другой\s+товар|wrong|not\s+what\s+i\s+ordered/i, 'wrong_item'],
  [/брак|дефект|ненадлежащ|неисправ|сломал|слома|порвал|порван|разошел|разошёл|пятн|дыр|не\s+работает|defect|broken|damaged|faulty/i, 'defect'],
  [/надлежащ|не\s+подош|размер|не\s+понрав|передумал|не\s+устроил|цвет\s+не|proper\s+quality|doesn.?t\s+fit|did\s+not\s+fit|changed\s+(?:my\s+)?mind|size/i, 'proper_quality'],
];

export function inferReason(text: string): Reason | undefined {
  return RULES.find(([re]) => re.test(text))?.[1];
}
