/**
 * Role and desk words that bylines add after (or before) a writer's name: "Jane Doe,
 * Observer staff", "John Roe, special to the Globe", "佐藤健一記者", "记者 张三",
 * "홍길동 기자". A byline part that is only such a role is not an author. Origin: written
 * for Dateline from general knowledge of how newspapers credit their writers.
 */

/** English role phrases that end a byline part ("Observer staff", "Washington correspondent"). */
export const ROLE_ENDINGS: readonly string[] = [
  'staff',
  'staff writer',
  'staff writers',
  'staff reporter',
  'staff reporters',
  'staff photographer',
  'staff correspondent',
  'correspondent',
  'correspondents',
  'contributor',
  'contributors',
  'contributing writer',
  'contributing editor',
  'contributing reporter',
  'reporter',
  'writer',
  'columnist',
  'intern',
  'wire services',
  'wire reports',
];

/** English role phrases that start a byline part ("special to the Globe", "for The Times"). */
export const ROLE_OPENINGS: readonly string[] = ['special to', 'for the', 'staff of', 'of the'];

/**
 * Role words written next to a name in Chinese, Japanese and Korean bylines, as a
 * prefix ("记者 张三") or a suffix ("佐藤健一記者", "홍길동 기자"). Longer forms first.
 */
export const CJK_ROLES: readonly string[] = [
  // Japanese
  '編集委員', '論説委員', '解説委員', '特別編集委員', '専門記者', '特派員', '通信員', '支局長', '記者撮影', '記者', '撮影',
  // Chinese (simplified and traditional)
  '本报记者', '本報記者', '特约记者', '特約記者', '首席记者', '实习记者', '實習記者', '见习记者', '见习', '通讯员', '通訊員',
  '特派记者', '特派员', '特派員', '记者', '責任編輯', '责任编辑', '编辑', '編輯', '撰文', '作者',
  // Korean
  '선임기자', '전문기자', '특파원', '기자', '통신원',
];

/** Endings that make a CJK byline part an organization (a newsroom, a desk, a company). */
export const CJK_ORG_ENDINGS: readonly string[] = [
  '編集部', '编辑部', '編輯部', '取材班', '新聞社', '新闻社', '新聞', '新闻', '通信社', '通讯社', '日報', '日报', '新報', '新报',
  '報社', '报社', '時報', '时报', '放送', '电视台', '電視台', '出版社', '株式会社', '有限公司', '研究所', '委員会', '委员会',
  '協会', '协会', '編集局', '报道组', '報道組', '신문', '일보', '방송', '편집부', '취재팀',
];
