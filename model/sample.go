package model

// Sample returns the seed document, 抚宁区司法局's 2020 draft (草案) of its
// 部门预算绩效文本, transcribed from the OCR of the printed PDF. Each call
// builds a fresh document, so callers may change what they get.
//
// The transcription joins cell text that the table wrapped over several
// lines, drops OCR debris (stray letters, digits and fragments of
// neighbouring cells) where the intended text is certain, and fills the
// merged 一级指标 cells into every row they cover. Where the OCR lost part
// of a cell and the missing text cannot be known (several 绩效目标 cells and
// two 资金用途 cells), the surviving fragments are kept as written, in the
// seed's order and separated by a space. Amounts the seed leaves blank
// (every 其他资金) stay unset. The seed's own slips stay as they are — an
// output row whose 二级 is 效果指标, 基层基层, 覆盖率率, values with no
// figure — because the review rules exist to find them.
func Sample() *Document {
	return &Document{
		UnitCode: "315002",
		UnitName: "抚宁区司法局",
		Year:     2020,
		Title:    "司法局 2020 年部门预算绩效文本（草案）",
		Status:   StatusDraft,
		Compiler: "司法局",
		Reviewer: "秦皇岛市抚宁区财政局",
		Currency: "万元",
		Overall:  sampleOverall,
		Goals:    sampleGoals(),
		Measures: sampleMeasures(),
		Projects: sampleProjects(),
	}
}

const sampleOverall = `紧紧围绕贯彻落实党的十九大和十九届三中、四中全会精神,按照区委、区政府及上级司法行政部门的总体要求和工作意见,统一思想,切实做好各项工作,为全区经济发展和社会稳定大局服务。继承和发扬"枫桥经验",全面开展"智慧调解"工作。加大矛盾纠纷排查调处力度。高度重视社区矫正工作。认真完成安置帮教工作。拓宽普法宣传新渠道,夯实法治抚宁基础。推进法治政府建设,完善依法行政制度体系建设。推进公共法律服务体系建设。简化法律援助受理审查程序,适度放宽经济困难标准,惠及更多困难群众。努力促进人民调解、法律援助等各种法律服务资源向平台汇聚,以需求为导向,做到"应驻尽驻"。以"一体化、智能化"为目标,在更高水平上加快整合法律服务资源,尽快建成覆盖全业务、全时空的法律服务网络。`

func sampleGoals() []Goal {
	return []Goal{
		{
			Goal:      "人民调解工作",
			Indicator: "根据区委《关于建立综合调解工作机制的实施意见》(试行)要求,各乡镇成立综合调解专班,专班办公地点设在各乡镇(管理区、街道)司法所,各乡镇(管理区、街道)建立一间综合调解室,聘用1名经验丰富的专职调解员。在区公共法律服务中心拟设立一个综合调解室,配备1名专职调解员,专职负责全区民间矛盾纠纷调解工作。",
		},
		{
			Goal:      "法律援助工作",
			Indicator: "全面加强区法律服务中心窗口建设,提升法律服务服务质量,为当事人提供优质的法律服务。进一步扩大法律援助覆盖面。简化法律援助受理审查程序。",
		},
		{
			Goal:      "社区矫正工作",
			Indicator: "按照省司法厅的工作要求,积极推进社区矫正中心建设,利用抚宁区司法局现有的房屋优势,建立高标准的社区矫正中心。全面推进社区戒毒(康复)工作,进一步加强吸毒人员服务管理和动态管控,建立区社区戒毒(康复)中心,进行业务指导,对社区戒毒(康复)人员开展法制宣传教育,提供司法援助,开展心理疏导测评,并开展社区戒毒(康复)人员登记。",
		},
		{
			Goal:      "普法宣传工作",
			Indicator: "针对法治宣传阵地建设存在短板,外在固化宣传形式与其它县(区)存在较大差距的问题,把依托紫金山公园建设法治文化公园列入年度重点工程,通过法治主题文化与抚宁地域文化相结合,提升城市品位。设置21处法治文化景观,把法治文化与公园景观自然融合。紫金山法治文化公园建成后,将成为我区集休闲娱乐、法治文化传播、学习教育为一体的法治文化平台。",
		},
		{
			Goal:      "行政复议行政诉讼工作",
			Indicator: `强化依法治区和法治政府建设。制定《抚宁区法治建设(依法行政)指标体系评分表》,组织开展全区法治建设工作考核和依法治区工作考核。做好人大法治政府建设调研工作。强化事前监督,规范文件审查备案。制定全区行政执法人员信息公示、公开实施方案,核实全区执法人员信息,依法依规公示经清理后的全区行政执法人员清单。开展行政执法监督检查暨案卷评查工作,重点对区资规局和区水务局进行执法监督检查。组织我区 2020 年行政执法人员年检培训考试。对乡镇和街道综合行政执法改革开展专项督察。开展部署我区"三项制度"回头看实施工作。在严格按照《行政复议法》规定的条件、程序、时限,认真受理、审查的基础上,依法受理、审查行政复议案。`,
		},
	}
}

func sampleMeasures() []Measure {
	return []Measure{
		{Title: "加强支出管理", Content: "全面加强支出管理,对项目经费支出加强监督管理,对每个项目及时跟进,确保项目经费按照预算进度使用,及时获取项目资金,确保支出进度达标。"},
		{Title: "加强绩效运行监控", Content: "按照部门预算的要求,认真编制预算,对支出实行分类管理,要有支出标准、有制度依据,严格按照绩效目标的要求,监控项目经费的使用,确保项目经费使用达到指标要求。"},
		{Title: "做好绩效自评", Content: "及时做好绩效自评工作,对评价中发现问题及时整改,调整优化支出结构,提高项目资金的使用效率。"},
		{Title: "规范财务资产管理", Content: "完善财务管理制度,严格审批程序,加强固定资产登记、使用和报废处置管理,做到支出合理,物尽其用。"},
		{Title: "加强内部监督", Content: "加强内部监管制度建设,严格控制项目支出,认真开展资产清查和核实工作,确保绩效目标如期保质完成。"},
		{Title: "加强宣传培训等", Content: "加强人员培训,提高本部门职工业务素质;加大宣传力度,强化预算绩效管理意识,促进预算绩效管理水平进一步提升。"},
	}
}

// samplePlan builds a 资金支出计划 from whole percentages.
func samplePlan(mar, jun, oct, dec int64) Plan {
	return Plan{
		Mar: PercentHundredths(mar * 100),
		Jun: PercentHundredths(jun * 100),
		Oct: PercentHundredths(oct * 100),
		Dec: PercentHundredths(dec * 100),
	}
}

// The one-level names as the seed prints them; 效果指标 is the older name of
// 效益指标 and is kept as written.
const (
	sOut  = "产出指标"
	sEff  = "效果指标"
	sSat  = "满意度指标"
	sSoc  = "社会效益指标"
	sServ = "服务对象满意度指标"
)

// sampleProjects is Part 2 in the seed's order. Amounts are in units of
// 0.0001 万元 (MoneyUnits), so 16_0000 is 16.00 万元.
func sampleProjects() []Project {
	return []Project{
		{
			ID: "p01", Code: "315-0404-JBN-PIZB", Name: "法律援助经费",
			Budget: MoneyUnits(16_0000), Fiscal: MoneyUnits(16_0000),
			Use:  "法律援助机构信息化网络化建设,做到应援尽援应援优援;案件补贴律师值班补贴",
			Plan: samplePlan(20, 40, 60, 100),
			Goal: "爱,案件补贴3 助机构信息化",
			Indicators: []Indicator{
				{sOut, "数量指标", "法律援助咨询、案件受理数", "咨询受理案件数量", "≥260件", "受理案件数量", ""},
				{sOut, "质量指标", "提高法律援助工作质量", "提高法律援助工作质量", "高效高质量提供援助", "工作计划", ""},
				{sOut, "数量指标", "组织主题宣传活动场次", "组织主题宣传活动,普及法律知识活动次数", "", "年度工作计划", ""},
				{sOut, "效果指标", "社会效益指标", "法律援助案件办结率(%)", "75%", "完成情况", ""},
				{sOut, "成本指标", "案件补贴律师值班补贴", "案件补贴律师值班补贴", "70%", "发放情况", ""},
				{sEff, sSoc, "法律援助宣传人次", "法律援助宣传情况", "≥30 人次", "宣传场次人数", ""},
				{sSat, sServ, "群众满意度", "接受宣传群众的理解程度", "≥65百分率", "群众对法律援助宣传的满意程度", ""},
			},
		},
		{
			ID: "p02", Code: "315-0405-JBN-A4W0", Name: "公用取暖费",
			Budget: MoneyUnits(4_6400), Fiscal: MoneyUnits(4_6400),
			Use:  "冬季办公场所公用取暖费",
			Plan: samplePlan(0, 0, 0, 100),
			Goal: "听取暖情况 敫纳情况",
			Indicators: []Indicator{
				{sOut, "数量指标", "取暖面积", "支付取暖费面积", "**平米", "办公用房面积", ""},
				{sOut, "质量指标", "保证取暖期正常供暖", "取暖周期 11 月 5 日开始至 4 月 5 日", "5 个月", "文件规定", ""},
				{sOut, "成本指标", "节约成本", "降低成本。提供资金使用率", "100%", "节约成本", ""},
				{sOut, "时效指标", "支付及时率", "单位取暖费及时支付的比例", "100%", "工作计划", ""},
				{sEff, sSoc, "保障单位冬季的正常取暖", "保证机关正常运转", "年度预算", "合同规定", ""},
				{sEff, sSoc, "办公场所供暖率", "供暖满意情况", "≥20度", "办公场所室内温度", ""},
				{sSat, sServ, "在职人员满意度", "满意程度", "≥90百分率", "办公场所温度", ""},
			},
		},
		{
			// The code cell is split by the OCR into "315-0401- O" and
			// "YBN-QVW"; the pieces are joined as written.
			ID: "p03", Code: "315-0401-OYBN-QVW", Name: "普法宣传",
			Budget: MoneyUnits(7_0000), Fiscal: MoneyUnits(7_0000),
			Use:  "全区法律宣传,加强法治公园、法治阵地建设,加强校园法律宣传服务",
			Plan: samplePlan(20, 50, 75, 100),
			Goal: "教育规划并组织实 台理工作,加强法",
			Indicators: []Indicator{
				{sOut, "数量指标", "组织主题活动宣传场次", "主题宣传活动次数", "≥1次", "组织活动次数", ""},
				{sOut, "质量指标", "法治宣传覆盖面", "在全区范围内实现高质量覆盖", "≥75%", "全区范围内实现高质量覆盖情况", ""},
				{sOut, "时效指标", "帮教小组覆盖率", "建立帮教小组数量", "≥75%", "帮教小组数量", ""},
				{sOut, "成本指标", "多样宣传", "普法宣传、资料印刷、法治阵地建设、宣传活动等方面的资金投入", "年度计划", "年度计划", ""},
				{sEff, sSoc, "法律知晓率提高", "不断提高全民法律素质", "≥70%", "调查问卷", ""},
				{sSat, sServ, "宣传活动群众满意度", "群众对宣传活动的认可度", "≥65%百分率", "对参加活动群众的调查", ""},
			},
		},
		{
			ID: "p04", Code: "315-0403-JBN-PH6S", Name: "人民调解经费",
			Budget: MoneyUnits(12_0000), Fiscal: MoneyUnits(12_0000),
			Use:  "用于全区人民调解组织和队伍建设;基层司法所建设;人民调解员培训等",
			Plan: samplePlan(10, 20, 60, 100),
			Goal: "法行政职能 等 只和队伍建设,加工作,负责全区基 基层司法所履行司",
			Indicators: []Indicator{
				{sOut, "数量指标", "人民调解案件数", "矛盾纠纷调解数", "年终总结", "案件完成数量", ""},
				{sOut, "质量指标", "矛盾纠纷调解成功率", "全年调处矛盾纠纷成功率", "", "完成情况", ""},
				{sOut, "时效指标", "2020 年内", "2020年12月31日完成", "2020 年底", "年终总结", ""},
				{sOut, "成本指标", "节约成本", "降低成本,提供资金使用率", "节约成本", "工作计划", ""},
				{sEff, sSoc, "促进社会稳定程度", "确保人民调解工作有序开展,确保全县稳定工作顺利开展。", "≥100%", "调查问卷", ""},
				{sSat, sServ, "群众满意度", "基层群众对人民调解员的满意程度", "≥65%百分率", "群众对司法工作的认可度", ""},
			},
		},
		{
			ID: "p05", Code: "315-0402-JBN-PST9", Name: "社区矫正经费",
			Budget: MoneyUnits(45_0000), Fiscal: MoneyUnits(45_0000),
			Use:  "落实监督管理、魏 衔接管理机制,3 张在矫人员再犯 张平",
			Plan: samplePlan(15, 40, 70, 100),
			Goal: "系,建立社区矫正 对在矫人员、刑释 理",
			Indicators: []Indicator{
				{sOut, "数量指标", "数量指标", "社区矫正人数", "报到人数", "在矫人员报到人数", ""},
				{sOut, "数量指标", "社区矫正活动次数", "组织社区矫正活动次数", "年度计划", "活动次数", ""},
				{sOut, "质量指标", "验收合格率", "按照导向正确,教育和帮助犯罪人员合格率", "≥70", "验收情况", ""},
				{sEff, sSoc, "再犯罪率", "再犯罪人员占矫正人员比例", "≤0.2 百分率", "矫正人员再犯罪人数", ""},
				{sSat, sServ, "社区矫正人员的满意率", "社区矫正人员对服务的满意程度", "≥65百分率", "矫正人员对矫正工作评价情况", ""},
			},
		},
		{
			// The code cell reads "315-0402- N" and "-YBN-VOW"; joined as
			// written.
			ID: "p06", Code: "315-0402-N-YBN-VOW", Name: "提前下达 2020 年社区矫正补助经费（2020）15 号",
			Budget: MoneyUnits(26_4500), Fiscal: MoneyUnits(26_4500),
			Use:  "实监督管理、教育 社会,降低社区短 管理和教育改造",
			Plan: samplePlan(10, 30, 65, 100),
			Goal: "1、实现信息化监管 2、改善工资体系",
			Indicators: []Indicator{
				{sOut, "数量指标", "矫正人员培训", "组织对矫正人员培训次数", "年度计划", "社区矫正人员对法律有了基本认识", ""},
				{sOut, "数量指标", "开展社区矫正工作投入人财物有效利用率", "组织社区矫正活动次数", "年度计划", "年度工作计划", ""},
				{sOut, "质量指标", "矫正人员法律认知水平", "矫正人员法律认知水平是否提升", "年度计划", "年终考评", ""},
				{sOut, "成本指标", "社区矫正补助经费", "社区矫正补助经费支付是否及时", "支出金额控制在预算额度内", "年初预算", ""},
				{sEff, sSoc, "信息化监管", "信息化监管率", "≥70百分率", "监管工具配备情况", ""},
				{sSat, sServ, "社区矫正人员的满意率", "社区矫正人员满意程度", "≥65百分率", "矫正人员对矫正情况的认可度", ""},
			},
		},
		{
			ID: "p07", Code: "315-0404-YBN-8TDQ", Name: "提前下达 2020 年省级基层公检法司转移支付资金（2020）13 号",
			Budget: MoneyUnits(32_0000), Fiscal: MoneyUnits(32_0000),
			Use: "通过组织实施普法、依法治理工作规划,普法有效推进,法治文化阵地建设。加强法律 息化建设,按照应 接助队伍和各级法",
			// The seed's 3月底 cell reads "0.00" with nothing before it
			// (its header lost the "3" too); kept as written.
			Plan: samplePlan(0, 30, 65, 100),
			Goal: "1、加强法 2、加强法 各规范化、信息化建设",
			Indicators: []Indicator{
				{sOut, "数量指标", "法律援助宣传情况", "宣传人次", "≥30 人次", "宣传到场人数", ""},
				{sOut, "数量指标", "宣传资料印刷册数", "印制各种法律宣传资料数量", "年度工作计划", "年度工作计划", ""},
				{sOut, "质量指标", "基层工作人员业务水平", "基层工作人员业务水平是否提升", "≥60%", "年底考核", ""},
				{sOut, "成本指标", "成本预算控制数", "支出金额控制在预算额度内", "支出金额控制在预算额度内", "年初预算", ""},
				{sEff, sSoc, "保障受援群众切实利益", "保障受援群众切实利益率", "≥70%", "调查问卷", ""},
				{sSat, sServ, "群众满意度", "群众对法律援助的满意情况", "≥70%", "调查问卷", ""},
			},
		},
		{
			// The code cell reads "315-0402-" and "-YBN-UBSM": the doubled
			// hyphen may hide a lost character (compare p06), so it is kept.
			ID: "p08", Code: "315-0402--YBN-UBSM", Name: "提前下达 2020 年中央政法纪检监察转移支付资金（2020）12 号",
			Budget: MoneyUnits(61_0000), Fiscal: MoneyUnits(61_0000),
			Use:  "完善社区矫正工作体系;落实监督管理、教育矫正、帮困扶助工作,提高管理和教育改造质量,帮助他们顺利融入社会,降低社区矫正人员再违法犯罪率。加强全区人民调解组织和队伍建设,加强司法行政基层基层建设,提升司法所履行司法行政工作职能等能力。",
			Plan: samplePlan(20, 40, 70, 100),
			Goal: "区矫正工作体? 法行政基层基",
			Indicators: []Indicator{
				{sOut, "数量指标", "再犯罪率", "再犯罪人数占矫正总人数的比率", "≤0.2 百分率", "再犯罪情况统计", ""},
				{sOut, "数量指标", "司法所长培训率", "司法所长培训覆盖率率", "≥75百分率", "所长培训次数", ""},
				{sOut, "成本指标", "成本预算控制数", "支出金额控制在预算额度内", "支出金额控制在预算额度内", "年初预算", ""},
				{sEff, sSoc, "司法人员业务水平", "司法人员业务能力是否提升", "≥95百分率", "年底考核", ""},
				{sSat, sServ, "群众满意度", "群众对人民调解工作满意程", "≥70百分率", "调查问卷", ""},
			},
		},
		{
			ID: "p09", Code: "315-0401-JBN-V4MV", Name: "行政复议行政诉讼工作经费",
			Budget: MoneyUnits(3_0000), Fiscal: MoneyUnits(3_0000),
			Use:  "依据《河北省依法行政考核办法》行政复议室建设;执法人员培训",
			Plan: samplePlan(25, 50, 75, 100),
			Goal: "行为,保障申 了政复议案件,办请人合法权益,推 跋决案件,及时纠正各级行政机",
			Indicators: []Indicator{
				{sOut, "数量指标", "应诉胜诉率;复议决定提起诉讼率;案件调解率", "复议决定提起数量占复议决定数量的比率", "≤0.4%", "年终总结", ""},
				{sOut, "质量指标", "培训合格率", "培训合格人数占培训总人数的比率", "≥75%", "历年经验", ""},
				{sOut, "时效指标", "培训计划完成率", "完成的培训次数占总培训计划数的比率", "≥60%", "年度工作计划", ""},
				{sOut, "成本指标", "成本预算控制数", "支出金额控制在预算额度内", "支出金额控制在预算额度内", "年初预算", ""},
				{sEff, sSoc, "业务能力提升", "通过培训提高执法人员业务能力", "年度计划", "工作计划", ""},
				{sSat, sServ, "满意程度", "满意率", "≥70%", "调查问卷", ""},
			},
		},
	}
}
