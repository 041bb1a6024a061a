// Values of a fillable PDF's AcroForm fields. They are exact (typed by the customer), so they beat both the
// text layer and OCR. Returns only filled fields; a form nobody filled in yields nothing.
import {
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
  type PDFField,
} from 'pdf-lib';

/** Returns undefined when the PDF has no filled form, or pdf-lib cannot parse it (pdf.js may still read it). */
export async function readFormFields(bytes: Uint8Array): Promise<Record<string, string> | undefined> {
  let doc: PDFDocument;
  try {
    // throwOnInvalidObject: fail instead of logging every broken object of a damaged file to the console.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return undefined;
  }
  const values: Record<string, string> = {};
  let fields: PDFField[];
  try {
    fields = doc.getForm().getFields();
  } catch {
    return undefined;
  }
  for (const field of fields) {
    const value = fieldValue(field);
    if (value !== undefined && value.trim() !== '') values[field.getName()] = value.trim();
  }
  return Object.keys(values).length > 0 ? values : undefined;
}

function fieldValue(field: PDFField): string | undefined {
  try {
    if (field instanceof PDFTextField) return field.getText();
    if (field instanceof PDFCheckBox) return field.isChecked() ? 'true' : undefined;
    if (field instanceof PDFRadioGroup) return field.getSelected();
    if (field instanceof PDFDropdown || field instanceof PDFOptionList) return field.getSelected().join(', ');
  } catch {
    // One malformed field must not hide the others.
  }
  return undefined;
}
