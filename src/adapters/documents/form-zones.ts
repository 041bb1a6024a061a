// Where to look on our own form (application-form.ts), in millimetres from the page's top-left corner: the
// crop around each field's value, each row of the items table, each checkbox, and the two anchors that
// prove a page is our form. Crops reach a little past a zone so a photo's residual misplacement (≈1 mm)
// does not cut a letter in half, but stop short of the neighbouring row's text.
import {
  FORM_CHOICES,
  FORM_FIELDS,
  FORM_ITEMS_TABLE,
  FORM_LEFT_MM,
  formChoiceBaseline,
  type FormField,
} from '../../domain/application-form.ts';
import type { Point } from '../images/homography.ts';
import type { Region } from '../images/warp-region.ts';

/** 300 dpi, the resolution Tesseract's models were trained on. */
export const PX_PER_MM = 300 / 25.4;

const t = FORM_ITEMS_TABLE;
const lastColumn = t.columns[t.columns.length - 1]!;

/** The items table's outer frame: the anchor whose corners fix the page's position. */
export const TABLE_FRAME = {
  left: t.columns[0]!.x,
  right: lastColumn.x + lastColumn.width,
  top: t.y,
  bottom: t.y + t.rowHeight * (t.maxRows + 1),
};

export const TABLE_CORNERS_MM: readonly Point[] = [
  { x: TABLE_FRAME.left, y: TABLE_FRAME.top },
  { x: TABLE_FRAME.right, y: TABLE_FRAME.top },
  { x: TABLE_FRAME.right, y: TABLE_FRAME.bottom },
  { x: TABLE_FRAME.left, y: TABLE_FRAME.bottom },
];

/** The Russian title line (baseline 17 mm, 15 pt bold, centred). */
export const TITLE_REGION: Region = { x: 35, y: 11, width: 140, height: 8 };
/** "Форма / Form RI-FORM-1" in the footer (baseline 293.5 mm, 7 pt). */
export const FOOTER_REGION: Region = { x: FORM_LEFT_MM - 1, y: 290.6, width: 45, height: 4.2 };

export function fieldRegion(field: FormField): Region {
  const { zone } = field;
  return { x: zone.x - 0.5, y: zone.y - 1, width: zone.width + 1.5, height: zone.height + 1.8 };
}

/** Row `r` (0-based) of the table body, between its rules. */
export function tableRowRegion(r: number): Region {
  const top = t.y + t.rowHeight * (r + 1);
  return { x: TABLE_FRAME.left + 0.3, y: top + 0.4, width: TABLE_FRAME.right - TABLE_FRAME.left - 0.6, height: t.rowHeight - 0.8 };
}

const CHOICE_X_MM = FORM_FIELDS[0]!.zone.x;

/**
 * The inside of option `i`'s "[ ]", just clear of the brackets. A tick shows as ink compared with the group's
 * emptiest box, so a bracket edge caught by a slightly misplaced photo counts against every option alike.
 */
export function checkboxRegion(group: keyof typeof FORM_CHOICES, i: number): Region {
  const baseline = formChoiceBaseline(FORM_CHOICES[group].y, i);
  return { x: CHOICE_X_MM + 0.7, y: baseline - 2.5, width: 2.1, height: 2.4 };
}

export function choiceLineRegion(group: keyof typeof FORM_CHOICES, i: number): Region {
  const baseline = formChoiceBaseline(FORM_CHOICES[group].y, i);
  return { x: CHOICE_X_MM, y: baseline - 3.5, width: 110, height: 4.5 };
}
