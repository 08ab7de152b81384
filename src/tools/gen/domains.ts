/**
 * What each kind of window unit does, for the synthetic organisation: the
 * unit types a county has (a household registration window, an outpatient
 * service centre…), their posts and the services they handle, with the
 * materials each service asks for. Services carry an ASCII slug so page
 * addresses look like a real site's.
 */
import type { UnitKind } from '#schemas/unit.ts';

export interface ServiceSeed {
  slug: string;
  name: string;
  category: string;
  /** Materials beyond the applicant's identity document. */
  materials: readonly string[];
  /** What the citizen gets. */
  result: string;
  fee?: { name: string; amount: string; basis: string };
  statutory: number | 'on-the-spot';
}

export interface UnitTypeSeed {
  slug: string;
  name: string;
  kind: UnitKind;
  /** The parent, with {county} for the county's name. */
  parent: string;
  building: string;
  posts: readonly string[];
  positions: readonly string[];
  titles: readonly string[];
  numberPrefix: string;
  services: readonly ServiceSeed[];
}

const s = (slug: string, name: string, category: string, materials: string, result: string, statutory: number | 'on-the-spot', fee?: ServiceSeed['fee']): ServiceSeed => ({
  slug,
  name,
  category,
  materials: materials.split(/\s+/).filter(Boolean),
  result,
  statutory,
  ...(fee ? { fee } : {}),
});

const HALL = '{county}政务服务中心';
const HOSPITAL = '{county}人民医院';
const CIVIL = ['助理经济师', '经济师', '科员', '一级科员', '四级主任科员'];
const MEDICAL = ['主治医师', '主管护师', '护师', '副主任医师', '主管技师', '药师'];

export const UNIT_TYPES: readonly UnitTypeSeed[] = [
  {
    slug: 'huzheng',
    name: '公安户政窗口',
    kind: 'service-hall-window',
    parent: HALL,
    building: '政务服务中心',
    numberPrefix: 'HZ',
    posts: ['户政业务受理岗', '居民身份证受理岗', '户籍咨询岗'],
    positions: ['窗口负责人', '户籍民警', '警务辅助人员'],
    titles: ['一级警长', '二级警长', '一级警员'],
    services: [
      s('shenfenzheng-buling', '居民身份证补领', '行政确认', '居民户口簿 近期免冠照片回执', '居民身份证', 60, {
        name: '工本费',
        amount: '40 元/证',
        basis: '《关于居民身份证收费标准的通知》',
      }),
      s('shenfenzheng-huanling', '居民身份证换领', '行政确认', '原居民身份证 居民户口簿', '居民身份证', 60, {
        name: '工本费',
        amount: '20 元/证',
        basis: '《关于居民身份证收费标准的通知》',
      }),
      s('linshi-shenfenzheng', '临时居民身份证办理', '行政确认', '居民户口簿 近期免冠照片', '临时居民身份证', 'on-the-spot', {
        name: '工本费',
        amount: '10 元/证',
        basis: '《关于居民身份证收费标准的通知》',
      }),
      s('chusheng-dengji', '出生登记', '行政确认', '出生医学证明 父母双方居民户口簿 父母结婚证', '户口登记', 'on-the-spot'),
      s('hukou-qianyi', '县内户口迁移', '行政许可', '居民户口簿 房屋所有权证明 迁入地户主同意书', '户口迁移', 'on-the-spot'),
      s('hukou-zhuxiao', '死亡人员户口注销', '行政确认', '居民死亡医学证明 死者居民户口簿 死者居民身份证', '户口注销证明', 'on-the-spot'),
      s('juzhuzheng', '居住证办理', '公共服务', '居住证申领登记表 合法稳定住所证明 就业或就读证明', '居住证', 15),
      s('hukou-zhengming', '户籍证明出具', '公共服务', '居民户口簿 申请事由说明', '户籍证明', 'on-the-spot'),
      s('gengzheng-xingming', '变更更正姓名', '行政确认', '居民户口簿 变更更正申请书 相关证明材料', '户口簿变更', 20),
      s('jihu-fenhu', '分户登记', '行政确认', '居民户口簿 房屋所有权证明 分户申请', '新户口簿', 10),
      s('shenfenzheng-yidi', '居民身份证异地受理', '公共服务', '居民户口簿或原居民身份证', '居民身份证', 60, {
        name: '工本费',
        amount: '20 元/证',
        basis: '《关于居民身份证收费标准的通知》',
      }),
      s('hukou-qianru-rencai', '人才落户', '行政许可', '学历证书 劳动合同 居住证明', '户口迁入', 5),
    ],
  },
  {
    slug: 'shebao',
    name: '社会保险窗口',
    kind: 'service-hall-window',
    parent: HALL,
    building: '政务服务中心',
    numberPrefix: 'SB',
    posts: ['社保登记岗', '待遇核定岗', '社保咨询岗'],
    positions: ['窗口负责人', '业务骨干', '综合受理员'],
    titles: CIVIL,
    services: [
      s('canbao-dengji', '城乡居民养老保险参保登记', '公共服务', '居民户口簿 参保登记表', '参保登记', 'on-the-spot'),
      s('yanglao-lingqu', '城乡居民养老保险待遇申领', '行政给付', '居民户口簿 银行卡或存折 待遇申领表', '养老金发放', 10),
      s('shebaoka-shenling', '社会保障卡申领', '公共服务', '近期免冠照片 申领登记表', '社会保障卡', 20),
      s('shebaoka-guashi', '社会保障卡挂失补换', '公共服务', '挂失补换申请表', '社会保障卡', 'on-the-spot', {
        name: '补卡工本费',
        amount: '20 元/张',
        basis: '《关于社会保障卡补换收费的通知》',
      }),
      s('zhuanyi-jiexu', '养老保险关系转移接续', '公共服务', '参保缴费凭证 转移接续申请表', '转移接续', 15),
      s('shiye-baoxian', '失业保险金申领', '行政给付', '解除劳动合同证明 银行卡', '失业保险金', 10),
      s('gongshang-rending', '工伤认定申请', '行政确认', '工伤认定申请表 劳动关系证明 医疗诊断证明', '认定工伤决定书', 60),
      s('canbao-zhengming', '参保缴费证明打印', '公共服务', '打印申请', '参保缴费证明', 'on-the-spot'),
      s('sangzang-buzhu', '丧葬补助金和抚恤金申领', '行政给付', '死亡证明 火化证明 申领人银行卡', '丧葬补助金', 15),
      s('linghuo-jiuye', '灵活就业人员参保登记', '公共服务', '参保登记表 银行扣款协议', '参保登记', 'on-the-spot'),
      s('daiyu-zige', '领取待遇资格认证', '公共服务', '社会保障卡', '认证结果', 'on-the-spot'),
    ],
  },
  {
    slug: 'budongchan',
    name: '不动产登记窗口',
    kind: 'service-hall-window',
    parent: HALL,
    building: '政务服务中心',
    numberPrefix: 'BD',
    posts: ['登记受理岗', '登记审核岗', '缴证发证岗'],
    positions: ['窗口负责人', '登记审核员', '综合受理员'],
    titles: ['助理工程师', '工程师', ...CIVIL],
    services: [
      s('ershoufang-zhuanyi', '二手房转移登记', '行政确认', '不动产权证书 房屋买卖合同 完税凭证', '不动产权证书', 5, {
        name: '不动产登记费',
        amount: '80 元/件',
        basis: '《关于不动产登记收费标准等有关问题的通知》',
      }),
      s('shoufang-dengji', '新建商品房首次转移登记', '行政确认', '商品房买卖合同 购房发票 完税凭证', '不动产权证书', 5, {
        name: '不动产登记费',
        amount: '80 元/件',
        basis: '《关于不动产登记收费标准等有关问题的通知》',
      }),
      s('diya-dengji', '抵押权首次登记', '行政确认', '不动产权证书 抵押合同 主债权合同', '不动产登记证明', 3, {
        name: '不动产登记费',
        amount: '80 元/件',
        basis: '《关于不动产登记收费标准等有关问题的通知》',
      }),
      s('diya-zhuxiao', '抵押权注销登记', '行政确认', '不动产登记证明 解除抵押证明', '注销登记', 'on-the-spot'),
      s('jicheng-dengji', '继承转移登记', '行政确认', '不动产权证书 死亡证明 亲属关系证明 继承公证书', '不动产权证书', 10),
      s('bianggeng-dengji', '不动产变更登记', '行政确认', '不动产权证书 变更证明材料', '不动产权证书', 5),
      s('buzheng-huanzheng', '不动产权证书补证换证', '行政确认', '补证换证申请书 遗失声明', '不动产权证书', 10, {
        name: '工本费',
        amount: '10 元/本',
        basis: '《关于不动产登记收费标准等有关问题的通知》',
      }),
      s('dengji-chaxun', '不动产登记资料查询', '公共服务', '查询申请书 利害关系证明', '查询结果', 'on-the-spot'),
      s('zhaijidi-dengji', '宅基地使用权及房屋所有权首次登记', '行政确认', '宅基地批准文件 房屋竣工证明 权籍调查成果', '不动产权证书', 20),
      s('yugao-dengji', '预告登记', '行政确认', '预售合同 预告登记约定', '不动产登记证明', 3),
    ],
  },
  {
    slug: 'yibao',
    name: '医疗保障窗口',
    kind: 'bureau-counter',
    parent: '{county}医疗保障局',
    building: '政务服务中心',
    numberPrefix: 'YB',
    posts: ['医保登记岗', '医保报销岗', '异地就医备案岗'],
    positions: ['窗口负责人', '医保经办员', '综合受理员'],
    titles: CIVIL,
    services: [
      s('yidi-beian', '异地就医备案', '公共服务', '异地就医备案表 居住证明或就业证明', '备案结果', 'on-the-spot'),
      s('shougong-baoxiao', '医疗费用手工报销', '行政给付', '医疗费用发票 费用明细清单 出院小结 银行卡', '报销款到账', 20),
      s('manbing-rending', '门诊慢特病待遇认定', '行政确认', '病历资料 诊断证明 检查报告', '认定结果', 15),
      s('jumin-canbao', '城乡居民医保参保登记', '公共服务', '居民户口簿 参保登记表', '参保登记', 'on-the-spot'),
      s('yibao-zhuanyi', '医保关系转移接续', '公共服务', '参保凭证 转移接续申请表', '转移接续', 15),
      s('shengyu-jintie', '生育津贴申领', '行政给付', '出生医学证明 结婚证 银行卡', '生育津贴', 15),
      s('yibao-pingzheng', '医保电子凭证激活指导', '公共服务', '手机', '激活结果', 'on-the-spot'),
      s('jiuzhu-shenqing', '医疗救助申请', '行政给付', '救助申请书 低保或特困证明 医疗费用票据', '救助金', 20),
      s('canbao-xinxi', '参保信息变更', '公共服务', '变更申请表 相关证明', '变更结果', 'on-the-spot'),
      s('teyao-beian', '特殊药品备案', '公共服务', '处方 诊断证明 备案表', '备案结果', 3),
    ],
  },
  {
    slug: 'hunyin',
    name: '婚姻登记处',
    kind: 'bureau-counter',
    parent: '{county}民政局',
    building: '婚姻登记处',
    numberPrefix: 'HY',
    posts: ['婚姻登记员岗', '婚姻家庭辅导岗', '档案查询岗'],
    positions: ['登记处主任', '婚姻登记员', '婚姻家庭辅导员'],
    titles: CIVIL,
    services: [
      s('jiehun-dengji', '结婚登记', '行政确认', '双方居民户口簿 双方近期半身免冠合影照片 本人无配偶及与对方无近亲属关系的声明', '结婚证', 'on-the-spot'),
      s('lihun-dengji', '离婚登记', '行政确认', '双方居民户口簿 结婚证 离婚协议书', '离婚证', 30),
      s('buling-jiehunzheng', '补领结婚证', '行政确认', '居民户口簿 近期半身免冠合影照片', '结婚证', 'on-the-spot'),
      s('hunyin-dangan', '婚姻登记档案查询', '公共服务', '查询申请 利害关系证明', '婚姻登记档案证明', 'on-the-spot'),
      s('chexiao-hunyin', '撤销受胁迫婚姻', '行政确认', '撤销婚姻申请书 受胁迫证明材料', '撤销决定书', 30),
      s('buling-lihunzheng', '补领离婚证', '行政确认', '居民户口簿 近期半身免冠照片', '离婚证', 'on-the-spot'),
      s('yuyue-dengji', '婚姻登记网上预约', '公共服务', '手机号码', '预约结果', 'on-the-spot'),
      s('hunqian-fudao', '婚姻家庭辅导预约', '公共服务', '预约登记表', '辅导安排', 3),
      s('shewai-jiehun', '涉外结婚登记指导', '公共服务', '护照 国籍证明 无配偶证明', '办理指引', 'on-the-spot'),
      s('banzheng-yiyi', '颁证仪式预约', '公共服务', '结婚登记预约号', '颁证安排', 'on-the-spot'),
    ],
  },
  {
    slug: 'menzhen',
    name: '门诊服务中心',
    kind: 'hospital-department',
    parent: HOSPITAL,
    building: '门诊楼',
    numberPrefix: 'MZ',
    posts: ['导医岗', '挂号收费岗', '综合服务岗'],
    positions: ['护士长', '导医组长', '收费组长'],
    titles: MEDICAL,
    services: [
      s('guahao', '门诊挂号', '公共服务', '医保电子凭证或社会保障卡', '挂号凭条', 'on-the-spot'),
      s('chusheng-zhengming', '出生医学证明办理', '公共服务', '父母双方居民身份证 分娩记录', '出生医学证明', 3),
      s('bingli-fuyin', '病历复印', '公共服务', '患者居民身份证 病案复印申请表', '病历复印件', 3, { name: '复印费', amount: '0.5 元/页', basis: '县医疗服务价格目录' }),
      s('zhenduan-zhengming', '诊断证明盖章', '公共服务', '诊断证明书 门诊病历', '盖章的诊断证明', 'on-the-spot'),
      s('yuyue-jiuzhen', '预约诊疗', '公共服务', '手机号码', '预约凭证', 'on-the-spot'),
      s('menzhen-tuifei', '门诊退费', '公共服务', '缴费凭证 退费申请单', '退费款项', 'on-the-spot'),
      s('laonian-lvse', '老年人绿色通道', '公共服务', '老年人优待证或居民身份证', '优先就诊', 'on-the-spot'),
      s('jianyan-baogao', '检查检验报告打印', '公共服务', '就诊卡或医保电子凭证', '检查检验报告', 'on-the-spot'),
      s('fapiao-buda', '医疗收费票据补打', '公共服务', '就诊卡 补打申请', '电子票据', 'on-the-spot'),
      s('zhuanzhen', '转诊转院手续办理', '公共服务', '转诊申请单 病历资料', '转诊单', 1),
    ],
  },
  {
    slug: 'zhuyuan',
    name: '住院服务中心',
    kind: 'hospital-department',
    parent: HOSPITAL,
    building: '住院部',
    numberPrefix: 'ZY',
    posts: ['入院登记岗', '出院结算岗', '医保审核岗'],
    positions: ['科长', '结算组长', '医保审核员'],
    titles: ['会计师', '助理会计师', ...MEDICAL],
    services: [
      s('ruyuan-dengji', '入院登记', '公共服务', '住院证 医保电子凭证或社会保障卡', '住院登记', 'on-the-spot'),
      s('chuyuan-jiesuan', '出院结算', '公共服务', '出院通知单 预交金收据', '结算单和票据', 'on-the-spot'),
      s('yujiaojin', '住院预交金缴纳', '公共服务', '住院号', '预交金收据', 'on-the-spot'),
      s('yidi-jiesuan', '异地就医直接结算', '公共服务', '异地就医备案凭证 医保电子凭证', '结算单', 'on-the-spot'),
      s('qingdan-dayin', '住院费用清单打印', '公共服务', '住院号 患者身份证件', '费用清单', 'on-the-spot'),
      s('bingan-fuyin', '住院病案复印', '公共服务', '患者居民身份证 复印申请表', '病案复印件', 5, { name: '复印费', amount: '0.5 元/页', basis: '县医疗服务价格目录' }),
      s('peihu-zheng', '陪护证办理', '公共服务', '陪护人居民身份证', '陪护证', 'on-the-spot'),
      s('dabing-baoxian', '大病保险结算', '行政给付', '结算单 费用明细', '大病保险报销', 10),
      s('chuangpang-jiesuan', '床旁结算', '公共服务', '出院通知', '结算单', 'on-the-spot'),
      s('zhuyuan-zhengming', '住院证明开具', '公共服务', '出院记录 住院号', '住院证明', 1),
    ],
  },
  {
    slug: 'jiezhong',
    name: '预防接种门诊',
    kind: 'public-health',
    parent: '{county}疾病预防控制中心',
    building: '社区卫生服务中心',
    numberPrefix: 'JZ',
    posts: ['预检登记岗', '接种岗', '留观岗'],
    positions: ['门诊负责人', '接种护士', '预检医生'],
    titles: MEDICAL,
    services: [
      s('ertong-jiezhong', '儿童免疫规划疫苗接种', '公共服务', '预防接种证 儿童医保卡', '接种记录', 'on-the-spot'),
      s('jiezhong-zheng', '预防接种证办理', '公共服务', '出生医学证明 监护人居民身份证', '预防接种证', 'on-the-spot'),
      s('buzhong-pinggu', '入托入学查验补种', '公共服务', '预防接种证 查验通知单', '补种记录', 'on-the-spot'),
      s('chengren-yimiao', '成人疫苗接种', '公共服务', '接种知情同意书', '接种记录', 'on-the-spot'),
      s('kuangquanbing', '狂犬病暴露处置', '公共服务', '暴露情况说明', '处置记录', 'on-the-spot'),
      s('jiezhong-yuyue', '接种预约', '公共服务', '预防接种证编号', '预约凭证', 'on-the-spot'),
      s('zhengming-buban', '预防接种证补办', '公共服务', '监护人居民身份证 补办申请', '预防接种证', 3),
      s('jiezhong-chaxun', '接种记录查询打印', '公共服务', '预防接种证或出生医学证明', '接种记录', 'on-the-spot'),
      s('hpv-jiezhong', 'HPV 疫苗接种', '公共服务', '接种知情同意书 预约凭证', '接种记录', 'on-the-spot'),
      s('liugan-jiezhong', '流感疫苗接种', '公共服务', '接种知情同意书', '接种记录', 'on-the-spot'),
    ],
  },
  {
    slug: 'bianmin',
    name: '便民服务中心',
    kind: 'station',
    parent: '{town}人民政府',
    building: '便民服务中心',
    numberPrefix: 'BM',
    posts: ['综合受理岗', '民政服务岗', '社保医保代办岗'],
    positions: ['中心主任', '代办员', '综合受理员'],
    titles: CIVIL,
    services: [
      s('dibao-shenqing', '最低生活保障申请', '行政给付', '低保申请书 家庭收入财产状况声明 居民户口簿', '审核确认结果', 30),
      s('canji-butie', '残疾人两项补贴申请', '行政给付', '残疾人证 居民户口簿 银行卡', '补贴发放', 20),
      s('gaoling-butie', '高龄津贴申领', '行政给付', '居民户口簿 银行卡', '津贴发放', 15),
      s('linshi-jiuzhu', '临时救助申请', '行政给付', '救助申请书 困难情况证明', '救助金', 10),
      s('nongcun-jianfang', '农村村民建房申请', '行政许可', '建房申请表 宅基地使用证明 村民代表会议意见', '乡村建设规划许可证', 20),
      s('jiuye-dengji', '就业失业登记', '公共服务', '居民户口簿 登记表', '就业创业证', 'on-the-spot'),
      s('juzhu-zhengming', '居住情况证明', '公共服务', '居民户口簿 村（社区）意见', '证明', 1),
      s('canji-zhengban', '残疾人证申领', '行政确认', '近期免冠照片 残疾评定申请表', '残疾人证', 20),
      s('tekun-gongyang', '特困人员供养申请', '行政给付', '供养申请书 居民户口簿 收入证明', '供养审批结果', 30),
      s('yanglao-fuwu', '居家养老服务申请', '公共服务', '服务申请表 居民户口簿', '服务安排', 10),
    ],
  },
  {
    slug: 'qiye-kaiban',
    name: '企业开办窗口',
    kind: 'service-hall-window',
    parent: HALL,
    building: '政务服务中心',
    numberPrefix: 'QY',
    posts: ['登记注册岗', '印章刻制岗', '涉税办理岗'],
    positions: ['窗口负责人', '登记员', '帮办代办员'],
    titles: CIVIL,
    services: [
      s('qiye-sheli', '企业设立登记', '行政许可', '设立登记申请书 公司章程 住所证明', '营业执照', 1),
      s('getihu-dengji', '个体工商户登记', '行政许可', '登记申请书 经营场所证明', '营业执照', 'on-the-spot'),
      s('qiye-biangeng', '企业变更登记', '行政许可', '变更登记申请书 股东会决议 章程修正案', '营业执照', 3),
      s('qiye-zhuxiao', '企业简易注销登记', '行政许可', '简易注销登记申请书 全体投资人承诺书', '准予注销登记通知书', 3),
      s('yinzhang-kezhi', '公章刻制备案', '公共服务', '营业执照 法定代表人身份证件', '公章', 1),
      s('fapiao-shenling', '首次申领发票', '公共服务', '营业执照 办税人员身份证件', '发票', 'on-the-spot'),
      s('shipin-jingying', '食品经营许可', '行政许可', '食品经营许可申请书 经营场所平面图 食品安全管理制度', '食品经营许可证', 10),
      s('yinhang-kaihu', '银行开户预约', '公共服务', '营业执照 法定代表人身份证件', '开户预约', 'on-the-spot'),
      s('shebao-dengji', '单位社保登记', '公共服务', '营业执照 单位登记表', '社保登记', 'on-the-spot'),
      s('gongjijin-kaihu', '单位住房公积金开户', '公共服务', '营业执照 开户登记表', '公积金账户', 1),
    ],
  },
];

export const UNIT_TYPE_COUNT = UNIT_TYPES.length;
