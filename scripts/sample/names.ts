/**
 * Chinese names for the synthetic city: street names (a few real-sounding Ningbo ones first, then
 * composed ones), community stems (xx社区) and village stems (xx村). Drawn without repetition from
 * pools shuffled by the seed; invented, not a register of real places.
 */

const FAMOUS_STREETS = [
  '中山路',
  '解放路',
  '药行街',
  '开明街',
  '县前街',
  '孝闻街',
  '柳汀街',
  '苍水街',
  '长春路',
  '镇明路',
  '灵桥路',
  '百丈路',
  '江东路',
  '兴宁路',
  '宁穿路',
  '世纪大道',
  '天童路',
  '四明路',
  '鄞州大道',
  '钱湖路',
  '首南路',
  '日丽路',
  '桑田路',
  '惊驾路',
  '学士路',
  '泰康路',
  '民安路',
  '福明路',
  '通途路',
  '人民路',
  '大庆路',
  '庄桥路',
  '江北大道',
  '常洪路',
  '明州路',
  '新大路',
  '长江路',
  '黄山路',
  '庐山路',
  '岷山路',
  '太河路',
  '甬江大道',
  '骆驼路',
  '蛟川路',
  '城河路',
  '南大路',
  '岳林路',
  '大成路',
  '南山路',
  '长汀路',
];
const STREET_A = '东西南北新明安康和华泰宁福兴翠柳月湖江桥天望春白甬文鼓青石丰海云松梅兰竹嘉盛德'.split('');
const STREET_B = '光园丰宁华安塘湾山浦港溪岭泽城景源林阳平祥瑞福乐兴隆苑'.split('');
const STREET_SUFFIX = ['路', '路', '路', '街', '街', '巷'];

const COMMUNITY_A = '东西南北新明安康和华泰宁福兴翠柳月湖江桥天望春白甬文鼓青石丰海云松梅兰竹嘉盛德锦'.split('');
const COMMUNITY_B = '苑园庭府城湾景庄里坊桥塘港汇都邸居城岸泽林'.split('');
const SURNAMES =
  '张王李陈周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋蔡丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚邵俞应史竺裘'.split('');
const VILLAGE_SUFFIX = '岙桥埠湾漕墩山浦庄塘岭溪坑'.split('');
const VILLAGE_PLAIN = '上下前后东西南北大小横'.split('');
const VILLAGE_TAIL = '应河潭陈畈洋溪坑岭塘堰'.split('');

function shuffled<T>(items: T[], rand: () => number): T[] {
  const a = items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A pool that hands out its names in a seeded order; when it runs dry it appends 一, 二 … */
export class NamePool {
  private readonly names: string[];
  private next = 0;
  private round = 0;
  private static readonly ROUNDS = '一二三四五六七八九十';

  constructor(names: string[], rand: () => number, keepFirst = 0) {
    this.names = names.slice(0, keepFirst).concat(shuffled(names.slice(keepFirst), rand));
  }

  /** The next name. */
  take(): string {
    if (this.next >= this.names.length) {
      this.next = 0;
      this.round++;
    }
    const name = this.names[this.next++]!;
    return this.round === 0 ? name : name + NamePool.ROUNDS[(this.round - 1) % 10];
  }
}

function combos(a: string[], b: string[], join: (x: string, y: string) => string | null): string[] {
  const out: string[] = [];
  for (const x of a)
    for (const y of b) {
      const s = join(x, y);
      if (s) out.push(s);
    }
  return out;
}

/** Street names: the well-known ones first (shuffled), then composed ones like 安澜路. */
export function streetNames(rand: () => number): NamePool {
  const composed = combos(STREET_A, STREET_B, (x, y) => (x === y ? null : x + y));
  const famous = shuffled(FAMOUS_STREETS, rand);
  const rest = shuffled(composed, rand).map((s, i) => s + STREET_SUFFIX[i % STREET_SUFFIX.length]!);
  return new NamePool(famous.concat(rest.filter((s) => !FAMOUS_STREETS.includes(s))), rand, famous.length);
}

/** Community stems like 翠柳苑 (the caller appends 社区). */
export function communityStems(rand: () => number): NamePool {
  return new NamePool(
    combos(COMMUNITY_A, COMMUNITY_B, (x, y) => x + y),
    rand,
  );
}

/** Village stems like 陈家岙 or 横溪 (the caller appends 村). */
export function villageStems(rand: () => number): NamePool {
  const family = combos(SURNAMES, VILLAGE_SUFFIX, (x, y) => `${x}家${y}`);
  const plain = combos(VILLAGE_PLAIN, VILLAGE_TAIL, (x, y) => x + y);
  return new NamePool(family.concat(plain), rand);
}
