/** Thai display texts shared by generated sheets. */
import type { Settings } from '../inputs';
import { formatThaiDate, todayIn, type IsoDate } from '../thai/dates';

/** "22 พฤศจิกายน 2569 เวลา 10:15 น." in the given zone. */
export function formatThaiDateTime(now: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(now);
  return `${formatThaiDate(todayIn(timeZone, now))} เวลา ${time} น.`;
}

export function thaiDate(iso: IsoDate | null): string {
  return iso ? formatThaiDate(iso) : '-';
}

export function thaiShortDate(iso: IsoDate | null): string {
  return iso ? formatThaiDate(iso, { style: 'short' }) : '-';
}

/** The settings every report heading names the organisation with. */
export type OrganisationSettings = Pick<Settings, 'orgName' | 'district' | 'province'>;

/** The settings a report signed by its preparer names as well. */
export type PreparerSettings = OrganisationSettings & Pick<Settings, 'preparerName' | 'preparerPosition'>;

/** "องค์การบริหารส่วนตำบลแหลมสอม อำเภอปะเหลียน จังหวัดตรัง" from whatever settings are filled. */
export function organisationLine(settings: OrganisationSettings): string {
  const parts = [settings.orgName || 'ยังไม่ได้ระบุชื่อหน่วยงาน (กรอกในชีตตั้งค่า)'];
  if (settings.district)
    parts.push(settings.district.startsWith('อำเภอ') ? settings.district : `อำเภอ${settings.district}`);
  if (settings.province)
    parts.push(settings.province.startsWith('จังหวัด') ? settings.province : `จังหวัด${settings.province}`);
  return parts.join(' ');
}

export const SEVERITY_LABEL = { error: 'ข้อผิดพลาด', warning: 'คำเตือน' } as const;
