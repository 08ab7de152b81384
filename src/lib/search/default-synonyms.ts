/**
 * The citizen vocabulary shipped with Siliang: what residents say at a
 * service hall or a hospital window, each beside the words service guides
 * use. Every organisation's `synonyms.txt` adds to it; a line there
 * starting with ! drops the default groups holding its words (! 打针, where
 * a clinic's 打针 means an injection, not a vaccine), and the organisation
 * can then write its own group.
 *
 * Written from how people ask, and reviewed for false friends: a word goes
 * in a group only if a resident typing it wants what the others name.
 * Left out on purpose: 打针 (injections, not only vaccines), 看病 (too wide:
 * it would bring registration up for every medical query), 退休 ~ 养老
 * (retiring is not the pension insurance), 户口本 ~ 户口 (the booklet is a
 * document, not the registration), and single characters, which would
 * match inside unrelated words.
 *
 * Groups are not merged with the organisation's (a shared word would chain
 * two groups into one wider than either meant).
 */
export const DEFAULT_SYNONYMS = `
# 看病就医
医生 ~ 医师 ~ 大夫
护士 ~ 护师
押金 ~ 预交金 ~ 预缴金
住院押金 ~ 住院预交金
住院手续 ~ 办住院 ~ 入院手续 ~ 入院登记
B超 ~ 彩超 ~ 超声检查
化验 ~ 检验 ~ 验血 ~ 抽血
拍片 ~ 影像检查 ~ 放射检查
开药 ~ 配药 ~ 续方 ~ 取药
病历 ~ 病历本 ~ 病例
住院病历 ~ 病案 ~ 住院病案
专家号 ~ 专家门诊
发票 ~ 收费票据 ~ 电子票据 ~ 收据
死亡证明 ~ 死亡医学证明 ~ 居民死亡医学证明
出生证 ~ 出生证明 ~ 出生医学证明
结账 ~ 结帐 ~ 出院结算
# 证件户籍
身份证 ~ 居民身份证 ~ 身份证件
临时身份证 ~ 临时居民身份证
户口本 ~ 户口簿
上户口 ~ 报户口 ~ 落户 ~ 入户
迁户口 ~ 转户口 ~ 户口迁移 ~ 迁移户口
# 社保医保
医保卡 ~ 社保卡 ~ 社会保障卡
交社保 ~ 参保 ~ 社保缴费 ~ 缴纳社会保险
灵活就业 ~ 自己交社保 ~ 个人参保 ~ 打零工 ~ 自由职业 ~ 个体户 ~ 个体工商户 ~ 没有单位 ~ 没单位
垫付 ~ 全额垫付 ~ 自费垫付
医药费 ~ 医疗费 ~ 医疗费用
外地 ~ 外省 ~ 省外 ~ 异地
# 房屋不动产
房子 ~ 房屋 ~ 住房 ~ 房产
房本 ~ 房产证 ~ 不动产权证书 ~ 不动产证 ~ 产权证
房贷 ~ 按揭 ~ 抵押贷款 ~ 抵押登记
过户 ~ 转移登记 ~ 产权转移
买房 ~ 购房 ~ 存量房买卖
# 预防接种
打疫苗 ~ 打预防针 ~ 预防接种 ~ 疫苗接种
疫苗本 ~ 接种本 ~ 预防接种证 ~ 接种证
# 常用说法
丢了 ~ 丢失 ~ 遗失 ~ 弄丢 ~ 找不到
坏了 ~ 损坏 ~ 破损 ~ 坏掉
补办 ~ 补领 ~ 补证 ~ 补发
换证 ~ 换领 ~ 换发
孩子 ~ 小孩 ~ 宝宝 ~ 新生儿 ~ 婴儿 ~ 儿童
生孩子 ~ 分娩 ~ 出生
老人 ~ 老年人
多少钱 ~ 收费标准 ~ 收费
几点 ~ 办公时间 ~ 工作时间
投诉 ~ 举报 ~ 监督电话
网上办 ~ 网上办理 ~ 线上办理 ~ 掌上办
`;
