/**
 * What the reference sheet is pre-filled with: the standard dimensions of the local-government
 * anti-corruption plan (2566–2570 cycle), the fixed lists, and the ITA framework as DESIGN §2 knows it.
 * Staff edit these in the sheet when the NACC changes the framework; the code never hard-codes them.
 */
import { ITEM_TYPES, ORG_TYPES, STATUSES } from './schema';

export interface DimensionRow {
  dimension: string;
  dimensionName: string;
  submission: string;
  submissionName: string;
}

export const DEFAULT_DIMENSIONS: readonly DimensionRow[] = [
  [
    '1',
    'การสร้างวัฒนธรรมสุจริต',
    '1.1',
    'การเสริมสร้างจิตสำนึกและความตระหนักแก่บุคลากรทั้งข้าราชการการเมืองฝ่ายบริหาร ข้าราชการการเมืองฝ่ายสภาท้องถิ่น และฝ่ายประจำขององค์กรปกครองส่วนท้องถิ่น',
  ],
  ['1', 'การสร้างวัฒนธรรมสุจริต', '1.2', 'การเสริมสร้างจิตสำนึกและความตระหนักแก่ประชาชนทุกภาคส่วนในท้องถิ่น'],
  ['1', 'การสร้างวัฒนธรรมสุจริต', '1.3', 'การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน'],
  ['2', 'การบริหารราชการด้วยความโปร่งใส', '2.1', 'การเปิดเผยข้อมูลสาธารณะขององค์กรปกครองส่วนท้องถิ่น'],
  ['2', 'การบริหารราชการด้วยความโปร่งใส', '2.2', 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส'],
  ['2', 'การบริหารราชการด้วยความโปร่งใส', '2.3', 'มาตรการลดการใช้ดุลพินิจในการปฏิบัติงาน'],
  [
    '3',
    'การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน',
    '3.1',
    'การส่งเสริมให้ประชาชนมีส่วนร่วมบริหารกิจการขององค์กรปกครองส่วนท้องถิ่น',
  ],
  [
    '3',
    'การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน',
    '3.2',
    'การรับฟังความคิดเห็น การรับและตอบสนองเรื่องร้องเรียน/ร้องทุกข์ของประชาชน',
  ],
  [
    '3',
    'การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน',
    '3.3',
    'ส่งเสริมการมีส่วนร่วมของภาคประชาชน และบูรณาการทุกภาคส่วนเพื่อต่อต้านการทุจริต',
  ],
  [
    '4',
    'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น',
    '4.1',
    'การจัดวางระบบตรวจสอบภายใน การควบคุมภายใน และการบริหารความเสี่ยงการทุจริต',
  ],
  [
    '4',
    'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น',
    '4.2',
    'การส่งเสริมบทบาทการตรวจสอบของสภาท้องถิ่น',
  ],
  ['4', 'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น', '4.3', 'มาตรการจัดการเรื่องร้องเรียนการทุจริต'],
].map(([dimension, dimensionName, submission, submissionName]) => ({
  dimension,
  dimensionName,
  submission,
  submissionName,
}));

/** Internal units of a typical อบต./เทศบาล; organisations add their own. */
export const DEFAULT_UNITS: readonly string[] = [
  'สำนักปลัด',
  'กองคลัง',
  'กองช่าง',
  'กองการศึกษา ศาสนาและวัฒนธรรม',
  'กองสาธารณสุขและสิ่งแวดล้อม',
  'กองสวัสดิการสังคม',
  'กองยุทธศาสตร์และงบประมาณ',
  'กองการเจ้าหน้าที่',
  'หน่วยตรวจสอบภายใน',
];

export interface IndicatorRow {
  fromYear: number;
  tool: string;
  toolWeight: number;
  indicatorNo: number;
  indicatorName: string;
  indicatorAliases: string;
}

const INDICATORS_2563: readonly [string, number, number, string, string][] = [
  ['IIT', 30, 1, 'การปฏิบัติหน้าที่', ''],
  ['IIT', 30, 2, 'การใช้งบประมาณ', ''],
  ['IIT', 30, 3, 'การใช้อำนาจ', ''],
  ['IIT', 30, 4, 'การใช้ทรัพย์สินของราชการ', ''],
  ['IIT', 30, 5, 'การแก้ไขปัญหาการทุจริต', ''],
  ['EIT', 30, 6, 'คุณภาพการดำเนินงาน', ''],
  ['EIT', 30, 7, 'ประสิทธิภาพการสื่อสาร', ''],
  ['EIT', 30, 8, 'การปรับปรุงระบบการทำงาน', 'การปรับปรุงการทำงาน'],
  ['OIT', 40, 9, 'การเปิดเผยข้อมูล', ''],
  ['OIT', 40, 10, 'การป้องกันการทุจริต', ''],
];

export const DEFAULT_INDICATORS: readonly IndicatorRow[] = INDICATORS_2563.map(
  ([tool, toolWeight, indicatorNo, indicatorName, indicatorAliases]) => ({
    fromYear: 2563,
    tool,
    toolWeight,
    indicatorNo,
    indicatorName,
    indicatorAliases,
  }),
);

export interface BandRow {
  fromYear: number;
  grade: string;
  minTotal: number;
  minEachTool: number | null;
  passes: 'ผ่าน' | 'ไม่ผ่าน';
}

/** Bands are tried top to bottom within a year; the first whose minimums hold is the result. */
export const DEFAULT_BANDS: readonly BandRow[] = [
  { fromYear: 2563, grade: 'AA', minTotal: 95, minEachTool: null, passes: 'ผ่าน' },
  { fromYear: 2563, grade: 'A', minTotal: 85, minEachTool: null, passes: 'ผ่าน' },
  { fromYear: 2563, grade: 'B', minTotal: 75, minEachTool: null, passes: 'ไม่ผ่าน' },
  { fromYear: 2563, grade: 'C', minTotal: 65, minEachTool: null, passes: 'ไม่ผ่าน' },
  { fromYear: 2563, grade: 'D', minTotal: 55, minEachTool: null, passes: 'ไม่ผ่าน' },
  { fromYear: 2563, grade: 'E', minTotal: 50, minEachTool: null, passes: 'ไม่ผ่าน' },
  { fromYear: 2563, grade: 'F', minTotal: 0, minEachTool: null, passes: 'ไม่ผ่าน' },
  { fromYear: 2567, grade: 'ผ่านดีเยี่ยม', minTotal: 95, minEachTool: 95, passes: 'ผ่าน' },
  { fromYear: 2567, grade: 'ผ่านดี', minTotal: 85, minEachTool: 85, passes: 'ผ่าน' },
  { fromYear: 2567, grade: 'ผ่าน', minTotal: 85, minEachTool: null, passes: 'ผ่าน' },
  { fromYear: 2567, grade: 'ต้องปรับปรุง', minTotal: 70, minEachTool: null, passes: 'ไม่ผ่าน' },
  { fromYear: 2567, grade: 'ต้องปรับปรุงโดยด่วน', minTotal: 0, minEachTool: null, passes: 'ไม่ผ่าน' },
];

/** Default rows of each reference table, keyed by column key, for the template's seeds. */
export function defaultReferenceRows(): Record<string, (string | number | null)[][]> {
  return {
    dimensions: DEFAULT_DIMENSIONS.map((d) => [d.dimension, d.dimensionName, d.submission, d.submissionName]),
    itemTypes: ITEM_TYPES.map((t) => [t.label]),
    statuses: STATUSES.map((s) => [s.label]),
    units: DEFAULT_UNITS.map((u) => [u]),
    orgTypes: ORG_TYPES.map((o) => [o]),
    itaIndicators: DEFAULT_INDICATORS.map((i) => [
      i.fromYear,
      i.tool,
      i.toolWeight,
      i.indicatorNo,
      i.indicatorName,
      i.indicatorAliases || null,
    ]),
    itaBands: DEFAULT_BANDS.map((b) => [b.fromYear, b.grade, b.minTotal, b.minEachTool, b.passes]),
  };
}
