/**
 * The workbook, declared once: every input sheet, column key, Thai header, type, required flag, allowed
 * values, number format, width and help note. The template command, the xlsx template, validation and
 * every reader derive from this file.
 */

export type ColumnType =
  | 'text'
  | 'longText'
  | 'code'
  | 'fiscalYear'
  | 'integer'
  | 'number'
  | 'amount'
  | 'percent'
  | 'score'
  | 'date'
  | 'period'
  | 'choice'
  | 'units'
  | 'indicators'
  | 'url';

/** Lists a column's values come from (dropdowns and the allowed-values rule). */
export type ListKey =
  | 'dimensions'
  | 'submissions'
  | 'itemTypes'
  | 'statuses'
  | 'units'
  | 'orgTypes'
  | 'rounds'
  | 'tools'
  | 'grades';

export interface ColumnSpec {
  key: string;
  header: string;
  /** Other headers staff use for the same column. */
  aliases?: readonly string[];
  type: ColumnType;
  required: boolean;
  list?: ListKey;
  /** Sheets/Excel number format applied to the data cells of this column. */
  numberFormat?: string;
  /** Pixels. */
  width: number;
  /** Help note on the header cell (Thai). */
  note: string;
}

/** A column repeated per plan year (budgets) or per ITA indicator (scores). */
export interface ColumnFamilySpec {
  key: 'budget' | 'indicatorScore';
  /** The header the template writes for member n (a B.E. year or an indicator number). */
  headerFor(n: number, label?: string): string;
  /** Recognises a member's header; group 1 holds n (Arabic or Thai digits). */
  match: RegExp;
  type: ColumnType;
  required: boolean;
  numberFormat?: string;
  width: number;
  note(n: number): string;
  /** Family columns sit right after this column key. */
  after: string;
}

export type TableKey =
  | 'settings'
  | 'dimensions'
  | 'itemTypes'
  | 'statuses'
  | 'units'
  | 'orgTypes'
  | 'itaIndicators'
  | 'itaBands'
  | 'scores'
  | 'plan'
  | 'measures'
  | 'tracking';

export interface TableSpec {
  key: TableKey;
  /** Thai name of the table, for messages ("ตารางมิติและภารกิจ"). */
  title: string;
  columns: readonly ColumnSpec[];
  family?: ColumnFamilySpec;
}

export type InputSheetKey = 'settings' | 'reference' | 'scores' | 'plan' | 'measures' | 'tracking';

export interface SettingSpec {
  key: SettingKey;
  label: string;
  type: ColumnType;
  required: boolean;
  list?: ListKey;
  numberFormat?: string;
  help: string;
}

export interface InputSheetSpec {
  key: InputSheetKey;
  name: string;
  aliases?: readonly string[];
  /** 'settings' = label/value rows; 'tables' = header row with one or more tables side by side. */
  layout: 'settings' | 'tables';
  tables: readonly TableSpec[];
  tabColor: string;
  frozenColumns: number;
}

// ---------------------------------------------------------------------------------------------------------
// Lists whose meaning the code depends on (statuses, item types, rounds) are fixed here with the other
// spellings staff use; the reference sheet shows them for dropdowns.

export type StatusKind = 'notStarted' | 'inProgress' | 'done' | 'cancelled';

export const STATUSES: readonly { kind: StatusKind; label: string; aliases: readonly string[] }[] = [
  { kind: 'notStarted', label: 'ยังไม่ดำเนินการ', aliases: ['ยังไม่ได้ดำเนินการ', 'ยังไม่เริ่ม', 'ยังไม่เริ่มดำเนินการ'] },
  {
    kind: 'inProgress',
    label: 'อยู่ระหว่างดำเนินการ',
    aliases: ['กำลังดำเนินการ', 'ระหว่างดำเนินการ', 'อยู่ระหว่างการดำเนินการ'],
  },
  {
    kind: 'done',
    label: 'ดำเนินการแล้วเสร็จ',
    aliases: ['แล้วเสร็จ', 'เสร็จสิ้น', 'ดำเนินการเสร็จสิ้น', 'ดำเนินการแล้ว', 'เสร็จแล้ว'],
  },
  {
    kind: 'cancelled',
    label: 'ยกเลิก/ไม่ได้ดำเนินการ',
    aliases: ['ยกเลิก', 'ไม่ได้ดำเนินการ', 'ไม่ดำเนินการ', 'ยกเลิก / ไม่ได้ดำเนินการ'],
  },
];

export type ItemTypeKind = 'project' | 'measure' | 'activity';

export const ITEM_TYPES: readonly { kind: ItemTypeKind; label: string; aliases: readonly string[] }[] = [
  { kind: 'project', label: 'โครงการ', aliases: [] },
  { kind: 'measure', label: 'มาตรการ', aliases: ['มาตรการ/แนวทาง', 'แนวทาง'] },
  { kind: 'activity', label: 'กิจกรรม', aliases: [] },
];

export type RoundKind = 6 | 12;

export const ROUNDS: readonly { months: RoundKind; label: string; aliases: readonly string[] }[] = [
  { months: 6, label: 'รอบ 6 เดือน', aliases: ['6 เดือน', '6', 'รอบ ๖ เดือน', '๖ เดือน', '๖'] },
  { months: 12, label: 'รอบ 12 เดือน', aliases: ['12 เดือน', '12', 'รอบ ๑๒ เดือน', '๑๒ เดือน', '๑๒'] },
];

export const ORG_TYPES: readonly string[] = [
  'องค์การบริหารส่วนตำบล',
  'เทศบาลตำบล',
  'เทศบาลเมือง',
  'เทศบาลนคร',
  'องค์การบริหารส่วนจังหวัด',
  'เมืองพัทยา',
  'กรุงเทพมหานคร',
];

// ---------------------------------------------------------------------------------------------------------

export type SettingKey =
  | 'orgName'
  | 'orgType'
  | 'district'
  | 'province'
  | 'planFirstYear'
  | 'planLastYear'
  | 'trackingYear'
  | 'asOf'
  | 'round'
  | 'itaTarget'
  | 'dueSoonDays'
  | 'preparerName'
  | 'preparerPosition';

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: 'orgName',
    label: 'ชื่อหน่วยงาน',
    type: 'text',
    required: true,
    help: 'ชื่อเต็มขององค์กรปกครองส่วนท้องถิ่น เช่น องค์การบริหารส่วนตำบลแหลมสอม',
  },
  {
    key: 'orgType',
    label: 'ประเภทหน่วยงาน',
    type: 'choice',
    required: false,
    list: 'orgTypes',
    help: 'เลือกจากรายการ',
  },
  { key: 'district', label: 'อำเภอ', type: 'text', required: false, help: 'ชื่ออำเภอที่ตั้ง' },
  { key: 'province', label: 'จังหวัด', type: 'text', required: false, help: 'ชื่อจังหวัดที่ตั้ง' },
  {
    key: 'planFirstYear',
    label: 'ปีงบประมาณแรกของแผน',
    type: 'fiscalYear',
    required: true,
    numberFormat: '0',
    help: 'ปี พ.ศ. เช่น 2566 (แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566–2570)',
  },
  {
    key: 'planLastYear',
    label: 'ปีงบประมาณสุดท้ายของแผน',
    type: 'fiscalYear',
    required: true,
    numberFormat: '0',
    help: 'ปี พ.ศ. เช่น 2570',
  },
  {
    key: 'trackingYear',
    label: 'ปีงบประมาณที่ติดตาม',
    type: 'fiscalYear',
    required: true,
    numberFormat: '0',
    help: 'ปีงบประมาณที่กำลังติดตามผล ปีงบประมาณ N คือ 1 ต.ค. N−1 ถึง 30 ก.ย. N',
  },
  {
    key: 'asOf',
    label: 'ข้อมูล ณ วันที่',
    type: 'date',
    required: false,
    numberFormat: 'd/m/yyyy',
    help: 'วันที่ใช้ตรวจหางานที่เลยกำหนด เว้นว่างไว้ = วันนี้ (เวลาประเทศไทย)',
  },
  {
    key: 'round',
    label: 'รอบการรายงาน',
    type: 'choice',
    required: false,
    list: 'rounds',
    help: 'รอบ 6 เดือน (1 ต.ค. – 31 มี.ค.) หรือ รอบ 12 เดือน (ทั้งปีงบประมาณ)',
  },
  {
    key: 'itaTarget',
    label: 'คะแนน ITA เป้าหมาย',
    type: 'score',
    required: false,
    numberFormat: '0.00',
    help: 'คะแนนเป้าหมาย เว้นว่างไว้ = 85 (เป้าหมายระดับชาติภายในปี 2570)',
  },
  {
    key: 'dueSoonDays',
    label: 'แจ้งเตือนก่อนครบกำหนด (วัน)',
    type: 'integer',
    required: false,
    numberFormat: '0',
    help: 'งานที่จะครบกำหนดภายในจำนวนวันนี้จะแสดงเป็น "ใกล้ครบกำหนด" เว้นว่างไว้ = 30 วัน',
  },
  { key: 'preparerName', label: 'ผู้จัดทำ', type: 'text', required: false, help: 'ชื่อผู้จัดทำรายงาน' },
  { key: 'preparerPosition', label: 'ตำแหน่งผู้จัดทำ', type: 'text', required: false, help: 'ตำแหน่งผู้จัดทำรายงาน' },
];

export const SETTINGS_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'label',
    header: 'รายการ',
    type: 'text',
    required: true,
    width: 240,
    note: 'ชื่อรายการตั้งค่า (อย่าแก้ไข)',
  },
  { key: 'value', header: 'ค่า', type: 'text', required: false, width: 320, note: 'กรอกค่าในคอลัมน์นี้' },
  { key: 'help', header: 'คำอธิบาย', type: 'longText', required: false, width: 460, note: 'คำอธิบายการกรอก' },
];

// ---------------------------------------------------------------------------------------------------------

const YEAR_FORMAT = '0';
const BAHT_FORMAT = '#,##0.00';
const SCORE_FORMAT = '0.00';
const DATE_FORMAT = 'd/m/yyyy';

const indicatorsNote = 'เลขตัวชี้วัด ITA ที่เกี่ยวข้อง (1–10) คั่นด้วยจุลภาค เช่น "5, 9" หรือ "5 การแก้ไขปัญหาการทุจริต (IIT)"';

export const REFERENCE_TABLES: readonly TableSpec[] = [
  {
    key: 'dimensions',
    title: 'ตารางมิติและภารกิจตามมิติ',
    columns: [
      { key: 'dimension', header: 'มิติที่', type: 'code', required: true, width: 60, note: 'เลขมิติ เช่น 1' },
      { key: 'dimensionName', header: 'ชื่อมิติ', type: 'text', required: true, width: 220, note: 'ชื่อมิติของแผน' },
      {
        key: 'submission',
        header: 'ภารกิจที่',
        type: 'code',
        required: true,
        width: 70,
        note: 'เลขภารกิจตามมิติ เช่น 1.1',
      },
      {
        key: 'submissionName',
        header: 'ชื่อภารกิจตามมิติ',
        type: 'text',
        required: true,
        width: 320,
        note: 'ชื่อภารกิจตามมิติ',
      },
    ],
  },
  {
    key: 'itemTypes',
    title: 'รายการประเภท',
    columns: [
      {
        key: 'itemType',
        header: 'ประเภทรายการ',
        type: 'text',
        required: true,
        width: 110,
        note: 'โครงการ มาตรการ กิจกรรม (ใช้ทำรายการเลือก)',
      },
    ],
  },
  {
    key: 'statuses',
    title: 'รายการสถานะ',
    columns: [
      {
        key: 'status',
        header: 'สถานะ',
        type: 'text',
        required: true,
        width: 170,
        note: 'สถานะการดำเนินงาน (ใช้ทำรายการเลือก)',
      },
    ],
  },
  {
    key: 'units',
    title: 'รายการหน่วยงาน',
    columns: [
      {
        key: 'unit',
        header: 'หน่วยงาน',
        type: 'text',
        required: true,
        width: 220,
        note: 'หน่วยงานภายใน เพิ่มได้ตามโครงสร้างของหน่วยงานท่าน',
      },
    ],
  },
  {
    key: 'orgTypes',
    title: 'รายการประเภทหน่วยงาน',
    columns: [
      {
        key: 'orgType',
        header: 'ประเภทหน่วยงาน',
        type: 'text',
        required: true,
        width: 190,
        note: 'ประเภทองค์กรปกครองส่วนท้องถิ่น',
      },
    ],
  },
  {
    key: 'itaIndicators',
    title: 'ตารางตัวชี้วัด ITA',
    columns: [
      {
        key: 'fromYear',
        header: 'ตัวชี้วัดใช้ตั้งแต่ปี',
        type: 'fiscalYear',
        required: true,
        numberFormat: YEAR_FORMAT,
        width: 90,
        note: 'ปีประเมิน ITA ที่เริ่มใช้กรอบตัวชี้วัดนี้ ปีหลังจากนี้ใช้กรอบเดิมจนกว่าจะมีแถวปีใหม่',
      },
      { key: 'tool', header: 'เครื่องมือ', type: 'text', required: true, width: 80, note: 'IIT, EIT หรือ OIT' },
      {
        key: 'toolWeight',
        header: 'น้ำหนักเครื่องมือ (%)',
        type: 'number',
        required: true,
        numberFormat: '0.##',
        width: 90,
        note: 'น้ำหนักของเครื่องมือในคะแนนรวม (รวมทุกเครื่องมือ = 100)',
      },
      {
        key: 'indicatorNo',
        header: 'ตัวชี้วัดที่',
        type: 'integer',
        required: true,
        numberFormat: '0',
        width: 70,
        note: 'เลขตัวชี้วัด',
      },
      { key: 'indicatorName', header: 'ชื่อตัวชี้วัด', type: 'text', required: true, width: 200, note: 'ชื่อตัวชี้วัด' },
      {
        key: 'indicatorAliases',
        header: 'ชื่ออื่นของตัวชี้วัด',
        type: 'text',
        required: false,
        width: 180,
        note: 'ชื่อที่เขียนต่างกันของตัวชี้วัดเดียวกัน คั่นด้วย ;',
      },
    ],
  },
  {
    key: 'itaBands',
    title: 'ตารางเกณฑ์ผลการประเมิน ITA',
    columns: [
      {
        key: 'fromYear',
        header: 'เกณฑ์ใช้ตั้งแต่ปี',
        type: 'fiscalYear',
        required: true,
        numberFormat: YEAR_FORMAT,
        width: 90,
        note: 'ปีประเมิน ITA ที่เริ่มใช้เกณฑ์นี้',
      },
      {
        key: 'grade',
        header: 'ผลการประเมิน',
        type: 'text',
        required: true,
        width: 150,
        note: 'ระดับหรือผลการประเมิน เช่น A หรือ ผ่านดี',
      },
      {
        key: 'minTotal',
        header: 'คะแนนรวมตั้งแต่',
        type: 'score',
        required: true,
        numberFormat: SCORE_FORMAT,
        width: 90,
        note: 'คะแนนรวมขั้นต่ำของระดับนี้',
      },
      {
        key: 'minEachTool',
        header: 'ทุกเครื่องมือตั้งแต่',
        type: 'score',
        required: false,
        numberFormat: SCORE_FORMAT,
        width: 90,
        note: 'คะแนนขั้นต่ำของทุกเครื่องมือ (IIT, EIT, OIT) เว้นว่าง = ไม่มีเงื่อนไข',
      },
      {
        key: 'passes',
        header: 'ผ่านเกณฑ์',
        type: 'text',
        required: true,
        width: 80,
        note: 'ผ่าน หรือ ไม่ผ่าน',
      },
    ],
  },
];

export const SCORES_TABLE: TableSpec = {
  key: 'scores',
  title: 'ตารางคะแนน ITA',
  columns: [
    {
      key: 'year',
      header: 'ปีประเมิน',
      aliases: ['ปีงบประมาณ', 'ปี'],
      type: 'fiscalYear',
      required: true,
      numberFormat: YEAR_FORMAT,
      width: 80,
      note: 'ปีประเมิน ITA (พ.ศ.) เช่น 2565',
    },
    {
      key: 'publishedTotal',
      header: 'คะแนนรวมที่ประกาศ',
      type: 'score',
      required: false,
      numberFormat: SCORE_FORMAT,
      width: 100,
      note: 'คะแนนรวมตามที่ ป.ป.ช. ประกาศ (ถ้ามี) ใช้ตรวจทานกับคะแนนที่คำนวณ',
    },
    {
      key: 'publishedGrade',
      header: 'ผลการประเมินที่ประกาศ',
      type: 'text',
      required: false,
      width: 110,
      note: 'ระดับหรือผลการประเมินตามที่ประกาศ เช่น A หรือ ผ่านดี',
    },
    { key: 'remarks', header: 'หมายเหตุ', type: 'longText', required: false, width: 200, note: 'หมายเหตุ' },
  ],
  family: {
    key: 'indicatorScore',
    headerFor: (n, label) => `ตัวชี้วัดที่ ${n}${label ? ` ${label}` : ''}`,
    match: /^ตัวชี้วัดที่\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])/,
    type: 'score',
    required: false,
    numberFormat: SCORE_FORMAT,
    width: 95,
    note: (n) => `คะแนนตัวชี้วัดที่ ${n} (0–100)`,
    after: 'year',
  },
};

export const PLAN_TABLE: TableSpec = {
  key: 'plan',
  title: 'ตารางแผนปฏิบัติการ',
  columns: [
    {
      key: 'code',
      header: 'รหัสรายการ',
      aliases: ['รหัส', 'ลำดับที่'],
      type: 'code',
      required: true,
      width: 70,
      note: 'รหัสไม่ซ้ำกัน เช่น 1-01 (มิติ-ลำดับ) ใช้อ้างถึงรายการในชีตติดตามผล',
    },
    {
      key: 'dimension',
      header: 'มิติ',
      aliases: ['มิติที่'],
      type: 'choice',
      list: 'dimensions',
      required: true,
      width: 50,
      note: 'เลขมิติจากชีตอ้างอิง',
    },
    {
      key: 'submission',
      header: 'ภารกิจตามมิติ',
      aliases: ['ภารกิจ', 'ภารกิจที่'],
      type: 'choice',
      list: 'submissions',
      required: true,
      width: 75,
      note: 'เลขภารกิจตามมิติ เช่น 1.1 ต้องอยู่ในมิติเดียวกัน',
    },
    {
      key: 'type',
      header: 'ประเภท',
      type: 'choice',
      list: 'itemTypes',
      required: true,
      width: 85,
      note: 'โครงการ มาตรการ หรือ กิจกรรม',
    },
    {
      key: 'name',
      header: 'ชื่อโครงการ/มาตรการ/กิจกรรม',
      aliases: ['ชื่อรายการ', 'ชื่อโครงการ'],
      type: 'text',
      required: true,
      width: 320,
      note: 'ชื่อเต็มของรายการ',
    },
    {
      key: 'responsible',
      header: 'หน่วยงานที่รับผิดชอบ',
      aliases: ['หน่วยงานรับผิดชอบ', 'ผู้รับผิดชอบ'],
      type: 'units',
      list: 'units',
      required: true,
      width: 200,
      note: 'หน่วยงานจากชีตอ้างอิง (ใส่ได้หลายหน่วยงาน คั่นด้วยเว้นวรรค)',
    },
    {
      key: 'period',
      header: 'ระยะเวลาดำเนินการ',
      aliases: ['ระยะเวลา'],
      type: 'period',
      required: true,
      width: 190,
      note: 'เช่น "ปีงบประมาณ พ.ศ. 2566 – 2570", "ต.ค. – ธ.ค. 2565", "1 ต.ค. 2565 – 30 ก.ย. 2566"',
    },
    {
      key: 'itaIndicators',
      header: 'ตัวชี้วัด ITA',
      aliases: ['ตัวชี้วัด ITA ที่เกี่ยวข้อง'],
      type: 'indicators',
      required: false,
      width: 110,
      note: indicatorsNote,
    },
    {
      key: 'outputs',
      header: 'ผลผลิต/ผลลัพธ์',
      aliases: ['ผลผลิต', 'ผลลัพธ์', 'ผลที่คาดว่าจะได้รับ'],
      type: 'longText',
      required: false,
      width: 320,
      note: 'ผลผลิตและผลลัพธ์ที่คาดว่าจะได้รับ',
    },
    { key: 'remarks', header: 'หมายเหตุ', type: 'longText', required: false, width: 160, note: 'หมายเหตุ' },
  ],
  family: {
    key: 'budget',
    headerFor: (year) => `งบประมาณ ${year}`,
    match: /^งบประมาณ\s*(?:ปี\s*)?(?:พ\.?\s*ศ\.?\s*)?([0-9๐-๙]{4})/,
    type: 'amount',
    required: false,
    numberFormat: BAHT_FORMAT,
    width: 100,
    note: (year) => `งบประมาณปีงบประมาณ ${year} (บาท) ไม่ใช้งบประมาณให้ใส่ "-" หรือเว้นว่าง`,
    after: 'name',
  },
};

export const MEASURES_TABLE: TableSpec = {
  key: 'measures',
  title: 'ตารางมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
  columns: [
    {
      key: 'fiscalYear',
      header: 'ปีงบประมาณ',
      type: 'fiscalYear',
      required: true,
      numberFormat: YEAR_FORMAT,
      width: 80,
      note: 'ปีงบประมาณของมาตรการ (พ.ศ.)',
    },
    { key: 'no', header: 'ลำดับ', type: 'code', required: false, width: 50, note: 'ลำดับมาตรการ' },
    {
      key: 'measure',
      header: 'มาตรการ/แนวทาง',
      aliases: ['มาตรการ', 'มาตรการ/แนวทางการแก้ไข'],
      type: 'text',
      required: true,
      width: 280,
      note: 'มาตรการหรือแนวทางส่งเสริมคุณธรรมและความโปร่งใส',
    },
    {
      key: 'method',
      header: 'วิธีการ/ขั้นตอน',
      aliases: ['ขั้นตอน/วิธีการปฏิบัติ', 'วิธีการ'],
      type: 'longText',
      required: false,
      width: 320,
      note: 'ขั้นตอนหรือวิธีการดำเนินการ',
    },
    {
      key: 'responsible',
      header: 'ผู้รับผิดชอบ',
      aliases: ['หน่วยงานที่รับผิดชอบ', 'หน่วยงานรับผิดชอบ'],
      type: 'units',
      list: 'units',
      required: true,
      width: 180,
      note: 'หน่วยงานที่รับผิดชอบ (ใส่ได้หลายหน่วยงาน คั่นด้วยเว้นวรรค)',
    },
    {
      key: 'period',
      header: 'ระยะเวลาดำเนินการ',
      aliases: ['ระยะเวลา'],
      type: 'period',
      required: true,
      width: 180,
      note: 'เช่น "1 ต.ค. 2565 – 30 ก.ย. 2566" หรือ "ปีงบประมาณ 2566"',
    },
    {
      key: 'followup',
      header: 'การติดตามผล',
      aliases: ['การกำกับติดตาม', 'การติดตามผลการดำเนินงาน'],
      type: 'longText',
      required: false,
      width: 260,
      note: 'วิธีกำกับติดตามและรายงานผล',
    },
    {
      key: 'itaIndicators',
      header: 'ตัวชี้วัด ITA',
      aliases: ['ตัวชี้วัด ITA เป้าหมาย'],
      type: 'indicators',
      required: false,
      width: 150,
      note: indicatorsNote,
    },
    {
      key: 'status',
      header: 'สถานะ',
      type: 'choice',
      list: 'statuses',
      required: false,
      width: 150,
      note: 'สถานะการดำเนินงาน',
    },
    {
      key: 'percent',
      header: 'ร้อยละความก้าวหน้า',
      aliases: ['ความก้าวหน้า (%)', 'ร้อยละ'],
      type: 'percent',
      required: false,
      numberFormat: '0',
      width: 90,
      note: 'ความก้าวหน้า 0–100',
    },
    {
      key: 'result',
      header: 'ผลการดำเนินงาน',
      type: 'longText',
      required: false,
      width: 260,
      note: 'ผลการดำเนินงาน',
    },
    {
      key: 'evidence',
      header: 'หลักฐาน/ลิงก์',
      aliases: ['หลักฐาน', 'ลิงก์'],
      type: 'url',
      required: false,
      width: 180,
      note: 'ลิงก์เอกสารหลักฐานหรือหน้าเว็บไซต์ที่เผยแพร่',
    },
  ],
};

export const TRACKING_TABLE: TableSpec = {
  key: 'tracking',
  title: 'ตารางติดตามผล',
  columns: [
    {
      key: 'code',
      header: 'รหัสรายการ',
      aliases: ['รหัส'],
      type: 'code',
      required: true,
      width: 70,
      note: 'รหัสรายการจากชีตแผนปฏิบัติการ',
    },
    {
      key: 'name',
      header: 'ชื่อรายการ',
      aliases: ['ชื่อโครงการ/มาตรการ/กิจกรรม'],
      type: 'text',
      required: false,
      width: 260,
      note: 'ชื่อรายการ (คัดลอกจากแผนเพื่อให้อ่านง่าย)',
    },
    {
      key: 'fiscalYear',
      header: 'ปีงบประมาณ',
      type: 'fiscalYear',
      required: true,
      numberFormat: YEAR_FORMAT,
      width: 80,
      note: 'ปีงบประมาณที่ติดตาม (พ.ศ.)',
    },
    {
      key: 'responsible',
      header: 'หน่วยงานที่รับผิดชอบ',
      aliases: ['ผู้รับผิดชอบ'],
      type: 'units',
      list: 'units',
      required: false,
      width: 170,
      note: 'หน่วยงานที่รับผิดชอบ',
    },
    {
      key: 'plannedBudget',
      header: 'งบประมาณตามแผน',
      type: 'amount',
      required: false,
      numberFormat: BAHT_FORMAT,
      width: 110,
      note: 'งบประมาณตามแผนของปีนี้ (บาท)',
    },
    {
      key: 'start',
      header: 'วันที่เริ่ม',
      type: 'date',
      required: false,
      numberFormat: DATE_FORMAT,
      width: 95,
      note: 'วันที่เริ่มดำเนินการ',
    },
    {
      key: 'deadline',
      header: 'กำหนดแล้วเสร็จ',
      aliases: ['วันที่สิ้นสุด', 'กำหนดเสร็จ'],
      type: 'date',
      required: false,
      numberFormat: DATE_FORMAT,
      width: 95,
      note: 'วันที่ต้องแล้วเสร็จ เว้นว่าง = วันสุดท้ายของระยะเวลาในแผนภายในปีนี้',
    },
    {
      key: 'status',
      header: 'สถานะ',
      type: 'choice',
      list: 'statuses',
      required: false,
      width: 150,
      note: 'สถานะการดำเนินงาน',
    },
    {
      key: 'percent',
      header: 'ร้อยละความก้าวหน้า',
      aliases: ['ความก้าวหน้า (%)', 'ร้อยละ'],
      type: 'percent',
      required: false,
      numberFormat: '0',
      width: 90,
      note: 'ความก้าวหน้า 0–100',
    },
    {
      key: 'disbursed',
      header: 'เบิกจ่ายแล้ว',
      aliases: ['งบประมาณที่เบิกจ่าย', 'เบิกจ่าย'],
      type: 'amount',
      required: false,
      numberFormat: BAHT_FORMAT,
      width: 110,
      note: 'งบประมาณที่เบิกจ่ายแล้ว (บาท)',
    },
    {
      key: 'result',
      header: 'ผลการดำเนินงาน',
      type: 'longText',
      required: false,
      width: 240,
      note: 'ผลการดำเนินงาน',
    },
    {
      key: 'problems',
      header: 'ปัญหา/อุปสรรค/ข้อเสนอแนะ',
      aliases: ['ปัญหาและอุปสรรค', 'ข้อเสนอแนะ'],
      type: 'longText',
      required: false,
      width: 220,
      note: 'ปัญหา อุปสรรค และข้อเสนอแนะ',
    },
    {
      key: 'evidence',
      header: 'หลักฐาน/ลิงก์',
      aliases: ['หลักฐาน', 'ลิงก์'],
      type: 'url',
      required: false,
      width: 180,
      note: 'ลิงก์เอกสารหลักฐาน',
    },
  ],
};

export const INPUT_SHEETS: readonly InputSheetSpec[] = [
  { key: 'settings', name: 'ตั้งค่า', layout: 'settings', tables: [], tabColor: '#5f6368', frozenColumns: 1 },
  {
    key: 'reference',
    name: 'อ้างอิง',
    layout: 'tables',
    tables: REFERENCE_TABLES,
    tabColor: '#5f6368',
    frozenColumns: 0,
  },
  {
    key: 'scores',
    name: 'คะแนน ITA',
    layout: 'tables',
    tables: [SCORES_TABLE],
    tabColor: '#1a73e8',
    frozenColumns: 1,
  },
  {
    key: 'plan',
    name: 'แผนปฏิบัติการ',
    layout: 'tables',
    tables: [PLAN_TABLE],
    tabColor: '#188038',
    frozenColumns: 1,
  },
  {
    key: 'measures',
    name: 'มาตรการ ITA',
    layout: 'tables',
    tables: [MEASURES_TABLE],
    tabColor: '#188038',
    frozenColumns: 0,
  },
  {
    key: 'tracking',
    name: 'ติดตามผล',
    layout: 'tables',
    tables: [TRACKING_TABLE],
    tabColor: '#e37400',
    frozenColumns: 1,
  },
];

/** Sheets the add-in owns and rebuilds on each run. */
export const GENERATED_SHEETS = {
  validation: 'ผลการตรวจสอบ',
  budget: 'งบประมาณรายมิติ',
  overdue: 'เลยกำหนด',
  /** Progress summaries are one per round: "สรุปความก้าวหน้า 6 เดือน 2566". */
  progressPrefix: 'สรุปความก้าวหน้า',
  ita: 'สรุป ITA',
  signOff: 'การรับรอง',
  guide: 'คู่มือ',
  /** Hidden: saved formatting of marked input cells, so marks are removed exactly. */
  marks: '_ita_marks',
  /** Hidden: fingerprints of the inputs each generated sheet was made from. */
  state: '_ita_state',
} as const;

export function inputSheet(key: InputSheetKey): InputSheetSpec {
  const spec = INPUT_SHEETS.find((s) => s.key === key);
  if (!spec) throw new Error(`unknown input sheet ${key}`);
  return spec;
}

export function tableSpec(key: TableKey): { sheet: InputSheetSpec; table: TableSpec } {
  for (const sheet of INPUT_SHEETS) {
    const table = sheet.tables.find((t) => t.key === key);
    if (table) return { sheet, table };
  }
  throw new Error(`unknown table ${key}`);
}

export const THAI_FONT = 'Sarabun';
