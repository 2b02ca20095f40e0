/**
 * The demo company, as data: three BUs sharing one customer pool, their people, 200 customers and
 * the head-office roles. Everything is derived from indexes, so every run produces the same
 * company (the seed relies on that to be idempotent).
 */

export interface DemoBusinessUnit {
  readonly buId: string;
  readonly name: string;
  readonly city: string;
}

export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  /** Their posts in the staff directory, which their token's roles name too. */
  readonly roles: readonly string[];
  /** Their unit in the staff directory: a BU, or the head office (`hq`). */
  readonly bu: string;
  readonly email: string;
}

export interface DemoCustomer {
  readonly index: number;
  readonly name: string;
  readonly mobile: string;
  readonly address: string;
  /** The employee who registers, and so owns, the customer. */
  readonly ownerId: string;
}

export const DEMO_BUSINESS_UNITS: readonly DemoBusinessUnit[] = [
  { buId: 'bu-east', name: '华东事业部', city: '上海市' },
  { buId: 'bu-south', name: '华南事业部', city: '广州市' },
  { buId: 'bu-north', name: '华北事业部', city: '北京市' },
];

/** The head-office unit (总部): in the directory like a BU, owning no customers. */
export const DEMO_HEAD_OFFICE_UNIT: DemoBusinessUnit = { buId: 'hq', name: '总部', city: '上海市' };

const emailOf = (id: string): string => `${id}@demo.crm.example.cn`;

/** Per BU: its manager first, then two staff. */
const BU_PEOPLE: Readonly<Record<string, readonly [string, string, string]>> = {
  'bu-east': ['周建国', '吴晓燕', '郑浩'],
  'bu-south': ['黄志强', '林婷婷', '何俊杰'],
  'bu-north': ['赵立军', '孙丽华', '马超'],
};

const buPeople = (bu: DemoBusinessUnit): DemoPerson[] => {
  const [manager, ...staff] = BU_PEOPLE[bu.buId] ?? [];
  const key = bu.buId.replace('bu-', '');
  return [
    {
      id: `${key}-mgr`,
      name: manager ?? '',
      roles: ['bu_manager'],
      bu: bu.buId,
      email: emailOf(`${key}-mgr`),
    },
    ...staff.map((name, i) => ({
      id: `${key}-s${i + 1}`,
      name,
      roles: ['staff'],
      bu: bu.buId,
      email: emailOf(`${key}-s${i + 1}`),
    })),
  ];
};

export const DEMO_BU_PEOPLE: readonly DemoPerson[] = DEMO_BUSINESS_UNITS.flatMap(buPeople);

const HEAD_OFFICE_PEOPLE: readonly (readonly [id: string, name: string, post: string])[] = [
  ['hq-gm', '陈国栋', 'gm'],
  ['hq-chairman', '钱正清', 'chairman'],
  ['hq-cfo', '冯淑芬', 'cfo'],
  ['hq-marketing-vp', '曹志远', 'marketing_vp'],
  ['hq-director', '王海燕', 'resource_director'],
  ['hq-coordinator', '刘佳', 'coordinator'],
  ['hq-clerk', '杨敏', 'crm_clerk'],
  ['hq-cs', '许静', 'cs_agent'],
  ['hq-auditor', '高明', 'auditor'],
  ['hq-analyst', '罗丹', 'analyst'],
  ['hq-admin', '梁伟', 'admin'],
];

/** Head-office people, the GM first: the seed's first act (while the directory is empty) is theirs. */
export const DEMO_HEAD_OFFICE: readonly DemoPerson[] = HEAD_OFFICE_PEOPLE.map(([id, name, post]) => ({
  id,
  name,
  roles: [post],
  bu: DEMO_HEAD_OFFICE_UNIT.buId,
  email: emailOf(id),
}));

export const DEMO_PEOPLE: readonly DemoPerson[] = [...DEMO_BU_PEOPLE, ...DEMO_HEAD_OFFICE];

export const DEMO_CUSTOMER_COUNT = 200;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '玉兰',
  '志强',
  '海燕',
  '晓东',
  '春梅',
  '国庆',
  '丽华',
  '文博',
  '雪梅',
  '子涵',
  '浩然',
  '思雨',
  '欣怡',
  '宇航',
  '佳琪',
  '梓萱',
];
const MOBILE_PREFIXES = ['138', '139', '137', '136', '135', '150', '151', '158', '186', '188'];
const DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  'bu-east': ['浦东新区', '徐汇区', '静安区', '闵行区', '杨浦区'],
  'bu-south': ['天河区', '越秀区', '海珠区', '番禺区', '白云区'],
  'bu-north': ['朝阳区', '海淀区', '东城区', '丰台区', '西城区'],
};
const STREETS = ['人民路', '解放路', '中山路', '建设路', '和平路', '胜利街', '文化路', '新华路'];

/** Registered by the BUs' staff (not managers) in turn, so each owns about the same number. */
const OWNERS = DEMO_BU_PEOPLE.filter((p) => p.roles.includes('staff'));

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length] as T;

/**
 * `index` → the same customer every time. The mobile's last 8 digits are `index · 7919 mod 10^8`
 * (7919 is prime to 10^8, so distinct indexes give distinct numbers).
 */
export const demoCustomer = (index: number): DemoCustomer => {
  const owner = pick(OWNERS, index);
  const bu = DEMO_BUSINESS_UNITS.find((b) => b.buId === owner.bu) ?? pick(DEMO_BUSINESS_UNITS, 0);
  const digits = String((index * 7919 + 1_000_003) % 100_000_000).padStart(8, '0');
  return {
    index,
    name: pick([...SURNAMES], index * 7) + pick(GIVEN, index * 13 + Math.floor(index / 40)),
    mobile: pick(MOBILE_PREFIXES, index) + digits,
    address: `${bu.city}${pick(DISTRICTS[bu.buId] ?? [], index)}${pick(STREETS, index * 3)}${(index % 180) + 1}号`,
    ownerId: owner.id,
  };
};

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = Array.from({ length: DEMO_CUSTOMER_COUNT }, (_, i) =>
  demoCustomer(i),
);

/** The forms of the outreach seminar the east BU manager submits; the clerk has not entered them yet. */
export const DEMO_OUTREACH = {
  seminar: '科普讲座 · 浦东社区健康讲堂',
  managerId: 'east-mgr',
  participants: ['east-s1', 'east-s2'],
  recordCount: 24,
} as const;

/** How many customers each BU confirms for the joint event. */
export const DEMO_CONFIRMATIONS_PER_BU = 2;
