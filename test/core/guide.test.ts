import { menuItems } from '../../src/core/menu';
import { buildGuide } from '../../src/core/report/guide';
import { GENERATED_SHEETS, INPUT_SHEETS } from '../../src/core/schema';

describe('the คู่มือ sheet', () => {
  const guide = buildGuide();
  const texts = guide.rows.flat().filter((c): c is string => typeof c === 'string');

  test('explains every menu command with its own label and help', () => {
    for (const item of menuItems()) {
      expect(texts).toContain(item.label);
      expect(texts).toContain(item.help);
    }
  });

  test('names every input sheet and every generated report', () => {
    for (const sheet of INPUT_SHEETS) expect(texts).toContain(sheet.name);
    for (const name of [
      GENERATED_SHEETS.validation,
      GENERATED_SHEETS.budget,
      GENERATED_SHEETS.overdue,
      GENERATED_SHEETS.ita,
    ]) {
      expect(texts).toContain(name);
    }
  });

  test('is Thai, protected, and costs no merges in Sheets', () => {
    expect(guide.name).toBe('คู่มือ');
    expect(guide.merges).toEqual([]);
    expect(guide.protect).toBe(true);
    expect(texts.every((t) => /[\u0E00-\u0E7F]/.test(t) || /^[\d\s/.,–-]*$/.test(t) || /ITA/.test(t))).toBe(
      true,
    );
  });
});
