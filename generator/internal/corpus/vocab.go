package corpus

// The vocabulary is taken from the real report in content/: place names of the
// province, the departments that stood in the arena, and clauses of their records
// and pledges, each with its English rendering. Numbers are slots, so the same
// clause reads differently from department to department.
//
// Slots in a clause: {n} a count, {p} a percentage, {y} an amount in 亿元 (the
// English side shows the same amount in billion yuan as {b}), {o} an ordinal
// rank (第{o} / {oth}).

// pair is one piece of text in both languages.
type pair struct{ zh, en string }

// place is a city or district; slug is its address part.
type place struct {
	zh, en, slug string
}

var places = []place{
	{"青岛", "Qingdao", "qingdao"}, {"济南", "Jinan", "jinan"}, {"烟台", "Yantai", "yantai"},
	{"潍坊", "Weifang", "weifang"}, {"临沂", "Linyi", "linyi"}, {"淄博", "Zibo", "zibo"},
	{"威海", "Weihai", "weihai"}, {"日照", "Rizhao", "rizhao"}, {"德州", "Dezhou", "dezhou"},
	{"聊城", "Liaocheng", "liaocheng"}, {"滨州", "Binzhou", "binzhou"}, {"菏泽", "Heze", "heze"},
	{"枣庄", "Zaozhuang", "zaozhuang"}, {"东营", "Dongying", "dongying"}, {"泰安", "Tai'an", "taian"},
	{"济宁", "Jining", "jining"},
}

// bureau is a kind of department; zh and en complete "市…" and "… of <place>".
type bureau struct {
	zh, en, slug string
}

var bureaus = []bureau{
	{"发展改革委", "Municipal Development and Reform Commission", "development-reform"},
	{"教育局", "Municipal Bureau of Education", "education"},
	{"科技局", "Municipal Bureau of Science and Technology", "science-technology"},
	{"工业和信息化局", "Municipal Bureau of Industry and Information Technology", "industry-it"},
	{"财政局", "Municipal Bureau of Finance", "finance"},
	{"生态环境局", "Municipal Bureau of Ecology and Environment", "ecology-environment"},
	{"商务局", "Municipal Bureau of Commerce", "commerce"},
	{"文化和旅游局", "Municipal Bureau of Culture and Tourism", "culture-tourism"},
	{"卫生健康委", "Municipal Health Commission", "health"},
	{"地方金融监管局", "Municipal Bureau of Local Financial Supervision and Administration", "financial-supervision"},
	{"住房城乡建设局", "Municipal Bureau of Housing and Urban-Rural Development", "housing"},
	{"交通运输局", "Municipal Bureau of Transport", "transport"},
	{"农业农村局", "Municipal Bureau of Agriculture and Rural Affairs", "agriculture"},
	{"水务管理局", "Municipal Bureau of Water Affairs", "water"},
	{"自然资源和规划局", "Municipal Bureau of Natural Resources and Planning", "natural-resources"},
	{"人力资源社会保障局", "Municipal Bureau of Human Resources and Social Security", "human-resources"},
	{"民政局", "Municipal Bureau of Civil Affairs", "civil-affairs"},
	{"应急管理局", "Municipal Bureau of Emergency Management", "emergency"},
	{"市场监管局", "Municipal Market Supervision Administration", "market-supervision"},
	{"行政审批服务局", "Municipal Bureau of Administrative Examination and Approval", "approval"},
	{"海洋发展局", "Municipal Bureau of Ocean Development", "ocean"},
	{"城市管理局", "Municipal Bureau of Urban Management", "urban-management"},
	{"大数据局", "Municipal Bureau of Big Data", "big-data"},
	{"医疗保障局", "Municipal Bureau of Healthcare Security", "healthcare-security"},
}

// themes are the headings the report groups departments under.
var themes = []pair{
	{"深挖需求潜力畅通供需循环", "Tapping demand potential to keep supply and demand flowing"},
	{"强化要素保障释放发展潜能", "Securing the factors of production to unlock growth potential"},
	{"聚焦群众所需增进民生福祉", "Meeting people's needs to improve their well-being"},
}

var surnames = []pair{
	{"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"}, {"杨", "Yang"},
	{"赵", "Zhao"}, {"孙", "Sun"}, {"周", "Zhou"}, {"吴", "Wu"}, {"徐", "Xu"}, {"朱", "Zhu"},
	{"鞠", "Ju"}, {"谢", "Xie"}, {"姜", "Jiang"}, {"卞", "Bian"}, {"潘", "Pan"}, {"薄", "Bo"},
}

var givenNames = []pair{
	{"立果", "Liguo"}, {"宏进", "Hongjin"}, {"元韶", "Yuanshao"}, {"铁毅", "Tieyi"}, {"成", "Cheng"},
	{"兆先", "Zhaoxian"}, {"素满", "Suman"}, {"峰", "Feng"}, {"涛", "Tao"}, {"金玉", "Jinyu"},
	{"兰星", "Lanxing"}, {"光", "Guang"}, {"波", "Bo"}, {"飞", "Fei"}, {"斌", "Bin"}, {"婷", "Ting"},
}

var titles = []pair{
	{"党组书记、局长", "Secretary of the Leading Party Members' Group and Director"},
	{"党组书记、主任", "Secretary of the Leading Party Members' Group and Director"},
	{"局长", "Director"},
	{"党组副书记、副局长", "Deputy Secretary of the Leading Party Members' Group and Deputy Director"},
}

// records are clauses of a year's record (亮绩), in the past tense in English.
var records = []pair{
	{"实施{n}批政策清单，助力稳住经济大盘", "implemented {n} batches of policy lists to help keep the overall economy stable"},
	{"梳理{n}条产业链项目清单", "drew up project lists for {n} industrial chains"},
	{"布局谋划{n}个专业园区", "planned the layout of {n} specialised industrial parks"},
	{"{n}个省市重点项目完成投资{y}亿元，达到计划的{p}%", "{n} key provincial and municipal projects completed investment of {b} billion yuan, {p}% of the plan"},
	{"退减缓降税费{y}亿元", "refunded, reduced, deferred or cut {b} billion yuan of taxes and fees"},
	{"争取专项债额度{y}亿元，创历史新高", "secured a record special-purpose bond quota of {b} billion yuan"},
	{"提前完成全年任务", "met the year's targets ahead of schedule"},
	{"实际利用外资规模全国第{o}", "ranked {oth} in China for foreign capital actually used"},
	{"对外投资增长{p}%，增速位居计划单列市第{o}", "grew outbound investment by {p}%, the {oth} fastest among the cities with independent planning status"},
	{"服务贸易占全省{p}%", "accounted for {p}% of the province's trade in services"},
	{"全市博物馆数量达到{n}家", "brought the number of museums in the city to {n}"},
	{"新增全民阅读设施{n}处", "added {n} public reading facilities"},
	{"送戏、送电影下乡{n}余场，居全省首位", "took more than {n} performances and film screenings to the countryside, the most in the province"},
	{"PM2.5同比改善{p}%", "cut PM2.5 levels by {p}% year on year"},
	{"优良天{n}天，空气质量连续三年全面达标", "recorded {n} days of good air, meeting all standards for the third year running"},
	{"近岸海域水质优良面积达到{p}%，历史最佳", "brought {p}% of the coastal waters to good quality, the best on record"},
	{"提供公办学位{n}个，超额完成市办实事任务", "provided {n} public school places, exceeding the target for the city's practical projects"},
	{"{n}所新校实现高起点办学", "opened {n} new schools to a high standard from the outset"},
	{"规上工业企业研发机构覆盖率增至{p}%", "raised the share of large industrial firms with R&D centres to {p}%"},
	{"海洋技术合同成交额{y}亿元、增长{p}%", "signed ocean technology contracts worth {b} billion yuan, up {p}%"},
	{"制造业增加值增长{p}%、高于全国全省", "grew manufacturing value added by {p}%, faster than the country and the province"},
	{"金融业增加值对经济增长的贡献率为{p}%", "saw the financial sector contribute {p}% of economic growth"},
	{"新增上市及过会企业{n}家，提前超额完成全年目标", "added {n} listed companies, beating the year's target early"},
	{"基层医疗卫生机构诊疗量占比{p}%", "handled {p}% of patient visits at primary-level health institutions"},
	{"适龄儿童免疫规划疫苗全程接种率达到{p}%", "vaccinated {p}% of eligible children with the full course of the immunisation programme"},
	{"南京路拓宽、安顺路打通等一批民心工程提速见效", "speeded up projects close to residents' hearts, such as widening Nanjing Road and opening up Anshun Road"},
}

// noun is what a count in the measure word 个 counts: in Chinese, and in
// English after 1 and after other numbers.
type noun struct{ zh, one, other string }

// counts are the nouns of the counts ({n}) that record and pledge clauses state,
// by clause.
var counts = map[string]noun{
	"实施{n}批政策清单，助力稳住经济大盘":      {"政策清单", "batch of policy lists", "batches of policy lists"},
	"梳理{n}条产业链项目清单":            {"项目清单", "project list", "project lists"},
	"布局谋划{n}个专业园区":             {"专业园区", "specialised park", "specialised parks"},
	"全市博物馆数量达到{n}家":            {"博物馆", "museum", "museums"},
	"新增全民阅读设施{n}处":             {"阅读设施", "reading facility", "reading facilities"},
	"送戏、送电影下乡{n}余场，居全省首位":      {"场次", "performance", "performances"},
	"优良天{n}天，空气质量连续三年全面达标":     {"优良天", "day", "days"},
	"提供公办学位{n}个，超额完成市办实事任务":    {"公办学位", "school place", "school places"},
	"{n}所新校实现高起点办学":            {"新校", "school", "schools"},
	"新增上市及过会企业{n}家，提前超额完成全年目标": {"企业", "company", "companies"},
	"年底前再完成大气污染物减排项目{n}个":      {"减排项目", "project", "projects"},
	"全力推进{n}项攻坚任务":             {"攻坚任务", "priority task", "priority tasks"},
	"滚动实施技术创新重点项目{n}项以上":       {"项目", "project", "projects"},
	"新建改扩建中小学幼儿园{n}所":          {"学校", "school", "schools"},
}

// recordFigures label the figure of a record clause for the record charts: its
// amount ({y}, in 亿元) or else its count ({n}, whose noun is in counts).
// Clauses stating only a rank or a percentage have none.
var recordFigures = map[string]pair{
	"实施{n}批政策清单，助力稳住经济大盘":           {"政策清单", "Policy lists"},
	"梳理{n}条产业链项目清单":                 {"产业链项目清单", "Industrial chain project lists"},
	"布局谋划{n}个专业园区":                  {"专业园区", "Specialised parks"},
	"{n}个省市重点项目完成投资{y}亿元，达到计划的{p}%": {"重点项目投资", "Investment in key projects"},
	"退减缓降税费{y}亿元":                   {"退减缓降税费", "Tax and fee relief"},
	"争取专项债额度{y}亿元，创历史新高":            {"专项债额度", "Special-purpose bond quota"},
	"全市博物馆数量达到{n}家":                 {"博物馆", "Museums"},
	"新增全民阅读设施{n}处":                  {"新增阅读设施", "New reading facilities"},
	"送戏、送电影下乡{n}余场，居全省首位":           {"送戏送电影下乡", "Performances and screenings"},
	"优良天{n}天，空气质量连续三年全面达标":          {"优良天数", "Days of good air"},
	"提供公办学位{n}个，超额完成市办实事任务":         {"公办学位", "Public school places"},
	"{n}所新校实现高起点办学":                 {"新校", "New schools"},
	"海洋技术合同成交额{y}亿元、增长{p}%":         {"海洋技术合同", "Ocean technology contracts"},
	"新增上市及过会企业{n}家，提前超额完成全年目标":      {"新增上市企业", "New listed companies"},
}

// pledgeClauses are clauses of a pledge (军令状), imperative in English. The
// target ones carry a measurable goal; their value is the clause's first number.
var pledgeClauses = []pair{
	{"坚决落实稳经济一揽子措施", "resolutely implement the package of measures to stabilise the economy"},
	{"确保新发行的{y}亿元债券年底前用完", "ensure the newly issued {b} billion yuan of bonds is fully spent by the end of the year"},
	{"年底前再完成大气污染物减排项目{n}个", "complete another {n} projects to cut air-pollutant emissions by the end of the year"},
	{"力争空气质量排名北方副省级城市第{o}", "strive to rank {oth} for air quality among the sub-provincial cities of the north"},
	{"全力推进{n}项攻坚任务", "push ahead with all {n} priority tasks"},
	{"滚动实施技术创新重点项目{n}项以上", "keep a rolling programme of at least {n} key technological innovation projects"},
	{"全年新增贷款{y}亿元以上", "secure at least {b} billion yuan of new loans over the year"},
	{"加快十大新兴产业专业园区建设", "speed up the construction of specialised parks for ten emerging industries"},
	{"系统谋划明年经济工作思路", "map out a systematic approach to next year's economic work"},
	{"排出一季度项目开工清单", "draw up the list of projects to break ground in the first quarter"},
	{"构建大中小学贯通培养体系", "build a system that nurtures students from primary school through university"},
	{"出台文旅融合发展规划", "issue a plan for the integrated development of culture and tourism"},
	{"保障历史城区保护更新、低效片区开发", "secure funding for the renewal of the historic urban area and underused areas"},
	{"稳定外资规模，实现转正目标", "stabilise the volume of foreign investment and return it to growth"},
	{"推动重点项目早落地早开工", "help key projects get under way and break ground sooner"},
	{"坚决守住不发生系统性金融风险的底线", "hold the bottom line against systemic financial risk"},
	{"新建改扩建中小学幼儿园{n}所", "build or expand {n} schools and kindergartens"},
	{"推动优质医疗卫生资源倍增", "double high-quality medical and health resources"},
}

// connectors join clauses into a sentence of a statement.
var connectors = []pair{
	{"同时，", "At the same time, we will "},
	{"要", "We will "},
	{"下一步，将", "Next, we will "},
	{"我们将", "We will "},
	{"进一步", "We will further "},
}

// headings are section headings of an article.
var headings = []pair{
	{"干字为先 勇当龙头", "Putting the real economy first"},
	{"比学赶超 勇当先锋", "Learning from and outdoing one another"},
	{"拉高标杆 冲刺决胜", "Raising the bar for an all-out sprint"},
	{"查摆差距 明确举措", "Naming the gaps, fixing the measures"},
}

// quotes are shortcomings departments named in the arena; articles quote them.
var quotes = []pair{
	{"与深圳、苏州等城市相比，青岛规上工业企业实质性研发活动还不够多。", "Compared with Shenzhen and Suzhou, our large industrial firms do not yet do enough substantive R&D."},
	{"水环境基础设施还存在短板弱项，部分水体还不能稳定达标。", "There are weaknesses in our water infrastructure, so some bodies of water do not consistently meet standards."},
	{"外资制造业大项目储备不足，专业招商能力还需提升。", "The pipeline of large foreign-invested manufacturing projects is too thin, and our investment promotion needs to improve."},
	{"改革创新意识有待加强，争创一流的劲头还不够足。", "Our awareness of reform and innovation needs strengthening, and our drive to be first-rate is not yet strong enough."},
}
