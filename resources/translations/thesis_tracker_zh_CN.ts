<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>OVERDUE {days} d</source>
        <translation>逾期 {days} 天</translation>
    </message>
    <message>
        <source>thesis{where}</source>
        <translation>投资逻辑{where}</translation>
    </message>
    <message>
        <source>risk: {title}{where}</source>
        <translation>风险：{title}{where}</translation>
    </message>
    <message>
        <source>catalyst: {title}{where}</source>
        <translation>催化剂：{title}{where}</translation>
    </message>
    <message>
        <source>no change recorded</source>
        <translation>无变更记录</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{count} (on average {days:.0f} days later)</source>
        <translation>{count} 个（平均推迟 {days:.0f} 天）</translation>
    </message>
    <message>
        <source>{done} of {decided} decided ({rate:.0f}%)</source>
        <translation>已有结果的 {decided} 个中兑现 {done} 个（{rate:.0f}%）</translation>
    </message>
    <message>
        <source>none decided yet</source>
        <translation>尚无结果</translation>
    </message>
    <message>
        <source>Catalysts</source>
        <translation>催化剂</translation>
    </message>
    <message>
        <source>{done} done, {missed} missed, {cancelled} cancelled, {pending} pending ({total} in all)</source>
        <translation>已兑现 {done}，落空 {missed}，已取消 {cancelled}，待发生 {pending}（共 {total} 个）</translation>
    </message>
    <message>
        <source>Slipped (window moved later)</source>
        <translation>延期（时间窗口后移）</translation>
    </message>
    <message>
        <source>Positive catalysts that happened</source>
        <translation>已兑现的正面催化剂</translation>
    </message>
    <message>
        <source>Conviction path</source>
        <translation>确信度变化</translation>
    </message>
    <message>
        <source>Status path</source>
        <translation>状态变化</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未决</translation>
    </message>
    <message>
        <source>confirmed, called with high conviction</source>
        <translation>已证实，判断时确信度高</translation>
    </message>
    <message>
        <source>confirmed despite low conviction</source>
        <translation>已证实，但当时确信度低</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已证实</translation>
    </message>
    <message>
        <source>broken, conviction cut beforehand</source>
        <translation>已证伪，此前已下调确信度</translation>
    </message>
    <message>
        <source>broken while conviction was high</source>
        <translation>已证伪，当时确信度仍高</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>已证伪</translation>
    </message>
    <message>
        <source>Add catalyst {title}</source>
        <translation>添加催化剂 {title}</translation>
    </message>
    <message>
        <source>Move the window of {title}</source>
        <translation>调整 {title} 的时间窗口</translation>
    </message>
    <message>
        <source>Edit {what} of {title}</source>
        <translation>修改 {title} 的{what}</translation>
    </message>
    <message>
        <source>Tick {title}</source>
        <translation>勾选 {title}</translation>
    </message>
    <message>
        <source>Mark missed {title}</source>
        <translation>将 {title} 标记为落空</translation>
    </message>
    <message>
        <source>Mark cancelled {title}</source>
        <translation>将 {title} 标记为已取消</translation>
    </message>
    <message>
        <source>Reopen {title}</source>
        <translation>重新打开 {title}</translation>
    </message>
    <message>
        <source>Delete catalyst {title}</source>
        <translation>删除催化剂 {title}</translation>
    </message>
    <message>
        <source>Give the date it happened (YYYY-MM-DD).</source>
        <translation>请填写发生日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The date it happened ({day}) is after today ({today}): a catalyst is ticked off once it has happened.</source>
        <translation>发生日期（{day}）晚于今天（{today}）：催化剂要在发生之后才能勾选。</translation>
    </message>
    <message>
        <source>A company with ticker {ticker} already exists.</source>
        <translation>代码为 {ticker} 的公司已存在。</translation>
    </message>
    <message>
        <source>Add company {name}</source>
        <translation>添加公司 {name}</translation>
    </message>
    <message>
        <source>{count} companies are called {name} ({labels}): pick one from the list, or give the new one its ticker.</source>
        <translation>有 {count} 家公司名为 {name}（{labels}）：请从列表中选择一家，或为新公司填写代码。</translation>
    </message>
    <message>
        <source>Ticker {ticker} belongs to {name}.</source>
        <translation>代码 {ticker} 已属于 {name}。</translation>
    </message>
    <message>
        <source>Edit company {name}</source>
        <translation>修改公司 {name}</translation>
    </message>
    <message>
        <source>Choose another company to merge into.</source>
        <translation>请选择要合并到的另一家公司。</translation>
    </message>
    <message>
        <source>Merge {duplicate} into {keep}</source>
        <translation>将 {duplicate} 合并到 {keep}</translation>
    </message>
    <message>
        <source>That company is already a beneficiary of this thesis.</source>
        <translation>该公司已是这条投资逻辑的受益标的。</translation>
    </message>
    <message>
        <source>Add beneficiary</source>
        <translation>添加受益标的</translation>
    </message>
    <message>
        <source>Edit role of {name}</source>
        <translation>修改 {name} 的角色</translation>
    </message>
    <message>
        <source>Remove beneficiary {name}</source>
        <translation>移除受益标的 {name}</translation>
    </message>
    <message>
        <source>An expected window is required, e.g. &apos;H2 2026&apos;, &apos;Q3 2026&apos; or &apos;2026-02-09&apos;.</source>
        <translation>需要填写预期时间窗口，例如“H2 2026”“Q3 2026”“2026年下半年”或“2026-02-09”。</translation>
    </message>
    <message>
        <source>Cannot read the window {text!r}: write a date (2026-02-09), a month (Feb 2026), a quarter (Q3 2026, 3Q26), a half (H1 2026, 2H26, second half of 2026), a year (2027) or &apos;end of 2027&apos;.</source>
        <translation>无法识别时间窗口 {text!r}：请写日期（2026-02-09）、月份（2026年2月、Feb 2026）、季度（2026年第三季度、Q3 2026、3Q26）、半年（2026年下半年、H1 2026、2H26）、年份（2027年）或年底（2027年底、end of 2027）。</translation>
    </message>
    <message>
        <source>The {what} {text!r} has no month {month}: months run from 01 to 12.</source>
        <translation>{what} {text!r} 中没有 {month} 月：月份为 01 至 12。</translation>
    </message>
    <message>
        <source>The {what} {text!r} is no day of the calendar: {year}-{month} has {days} days.</source>
        <translation>{what} {text!r} 在日历中不存在：{year} 年 {month} 月只有 {days} 天。</translation>
    </message>
    <message>
        <source>The {what} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-02-09.</source>
        <translation>{what} {text!r} 不是有效日期：请按 YYYY-MM-DD 填写，例如 2026-02-09。</translation>
    </message>
    <message>
        <source>The {what} {text!r} is outside the years {first} to {last}.</source>
        <translation>{what} {text!r} 超出范围：年份须在 {first} 至 {last} 年之间。</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>第 {number} 行</translation>
    </message>
    <message>
        <source>  ... and {count:,} more</source>
        <translation>  ……另有 {count:,} 处</translation>
    </message>
    <message>
        <source>missing required column(s): {columns}</source>
        <translation>缺少必需列：{columns}</translation>
    </message>
    <message>
        <source>unknown column(s): {columns} (allowed: {allowed})</source>
        <translation>无法识别的列：{columns}（允许的列：{allowed}）</translation>
    </message>
    <message>
        <source>duplicated column(s): {columns}</source>
        <translation>重复的列：{columns}</translation>
    </message>
    <message>
        <source>{name} has the wrong columns: {problems}. Nothing was imported.</source>
        <translation>{name} 的列不正确：{problems}。未导入任何内容。</translation>
    </message>
    <message>
        <source>has {fields} fields, the header has {columns}</source>
        <translation>有 {fields} 个字段，表头有 {columns} 列</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is empty: it needs a header row.</source>
        <translation>{name} 是空的：需要一行表头。</translation>
    </message>
    <message>
        <source>{name} is not a readable CSV file: {reason}.</source>
        <translation>{name} 不是可读取的 CSV 文件：{reason}。</translation>
    </message>
    <message>
        <source>cannot be read as CSV: {reason}</source>
        <translation>无法按 CSV 读取：{reason}</translation>
    </message>
    <message>
        <source>the quote opened on line {line} is never closed, so every line after it would be read into one field; close it, and write a quote inside a quoted field as two (&quot;&quot;)</source>
        <translation>第 {line} 行开始的引号没有闭合，其后的每一行都会被读进同一个字段；请闭合该引号，带引号的字段内的引号要写成两个（&quot;&quot;）</translation>
    </message>
    <message>
        <source>on line {line} a field starts with a quote but text follows its closing quote (strict CSV); put the whole field in quotes and write each quote inside it as two (&quot;&quot;&quot;5&quot;&quot; screen&quot;)</source>
        <translation>第 {line} 行有一个字段以引号开头，但其闭合引号后还有文字（严格 CSV）；请用引号括起整个字段，并把其中的每个引号写成两个（&quot;&quot;&quot;5&quot;&quot; screen&quot;）</translation>
    </message>
    <message>
        <source>{path} is empty: its first sheet needs a header row.</source>
        <translation>{path} 是空的：第一个工作表需要一行表头。</translation>
    </message>
    <message>
        <source>Cannot tell the text encoding of {name}: save it as UTF-8 and try again.</source>
        <translation>无法判断 {name} 的文本编码：请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <source>{name}: {count} bad row(s); nothing was imported.</source>
        <translation>{name}：有 {count} 行有误，未导入任何内容。</translation>
    </message>
    <message>
        <source>{name} has a header but no {noun} rows; nothing was imported.</source>
        <translation>{name} 只有表头，没有{noun}行，未导入任何内容。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: it is a folder; name a file in it.</source>
        <translation>无法写入 {path}：这是一个文件夹，请指定其中的文件名。</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first}和{second}</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>逻辑陈述</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>thesis status</source>
        <translation>投资逻辑状态</translation>
    </message>
    <message>
        <source>conviction</source>
        <translation>确信度</translation>
    </message>
    <message>
        <source>horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>next review date</source>
        <translation>下次复盘日期</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>review note</source>
        <translation>复盘备注</translation>
    </message>
    <message>
        <source>ticker</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>benchmark ticker</source>
        <translation>基准代码</translation>
    </message>
    <message>
        <source>review cadence</source>
        <translation>复盘周期</translation>
    </message>
    <message>
        <source>next review</source>
        <translation>下次复盘</translation>
    </message>
    <message>
        <source>review cadence days</source>
        <translation>复盘周期（天）</translation>
    </message>
    <message>
        <source>risk title</source>
        <translation>风险标题</translation>
    </message>
    <message>
        <source>description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <source>risk status</source>
        <translation>风险状态</translation>
    </message>
    <message>
        <source>catalyst title</source>
        <translation>催化剂标题</translation>
    </message>
    <message>
        <source>catalyst status</source>
        <translation>催化剂状态</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>expected window</source>
        <translation>预期时间窗口</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>预期时间</translation>
    </message>
    <message>
        <source>date it happened</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>happened on</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>source title</source>
        <translation>来源标题</translation>
    </message>
    <message>
        <source>publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <source>published date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>URL or file</source>
        <translation>网址或文件</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>locator</source>
        <translation>出处位置</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>published on</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>url</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>local-language name</source>
        <translation>本地名称</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>close</source>
        <translation>收盘价</translation>
    </message>
    <message>
        <source>adjusted close</source>
        <translation>复权收盘价</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>created_at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>updated_at</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>done_on date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>external_ref</source>
        <translation>外部引用</translation>
    </message>
    <message>
        <source>history field</source>
        <translation>历史字段</translation>
    </message>
    <message>
        <source>history time</source>
        <translation>历史时间</translation>
    </message>
    <message>
        <source>local name</source>
        <translation>本地名称</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>price date</source>
        <translation>股价日期</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>next_review</source>
        <translation>下次复盘</translation>
    </message>
    <message>
        <source>review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>window</source>
        <translation>时间窗口延期</translation>
    </message>
    <message>
        <source>window_moved</source>
        <translation>时间窗口调整</translation>
    </message>
    <message>
        <source>thesis</source>
        <translation>投资逻辑</translation>
    </message>
    <message>
        <source>catalyst</source>
        <translation>催化剂</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>beneficiary</source>
        <translation>受益标的</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>price</source>
        <translation>股价</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>active</source>
        <translation>跟踪中</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>观察</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>materialised</source>
        <translation>已发生</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待发生</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已兑现</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>落空</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>half</source>
        <translation>半年</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>range</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>Load the demo theses</source>
        <translation>载入示例投资逻辑</translation>
    </message>
    <message>
        <source>Remove demo theses</source>
        <translation>移除示例投资逻辑</translation>
    </message>
    <message>
        <source>Add beneficiary {name}</source>
        <translation>添加受益标的 {name}</translation>
    </message>
    <message>
        <source>Add source {title}</source>
        <translation>添加来源 {title}</translation>
    </message>
    <message>
        <source>Remove source {title} from this thesis</source>
        <translation>从这条投资逻辑中移除来源 {title}</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Imported {name} data: {theses} new thesis(es), {catalysts} new and {updated} updated catalyst(s), {unchanged} unchanged.</source>
        <translation>已导入 {name} 数据：新增 {theses} 条投资逻辑，新增 {catalysts} 个、更新 {updated} 个催化剂，{unchanged} 个未变。</translation>
    </message>
    <message>
        <source>Imported {count} catalyst(s).</source>
        <translation>已导入 {count} 个催化剂。</translation>
    </message>
    <message>
        <source>Imported {theses} thesis(es), {catalysts} catalyst(s) and {risks} risk(s).</source>
        <translation>已导入 {theses} 条投资逻辑、{catalysts} 个催化剂和 {risks} 项风险。</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>The {what} must not be empty.</source>
        <translation>{what}不能为空。</translation>
    </message>
    <message>
        <source>{text!r} is not a date (use YYYY-MM-DD)</source>
        <translation>{text!r} 不是日期（请用 YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>{text!r} is not a real date</source>
        <translation>{text!r} 不是真实存在的日期</translation>
    </message>
    <message>
        <source>{text!r} is outside the years {first} to {last}</source>
        <translation>{text!r} 超出范围：年份须在 {first} 至 {last} 年之间</translation>
    </message>
    <message>
        <source>the {what} {text!r} is not a number</source>
        <translation>{what} {text!r} 不是数字</translation>
    </message>
    <message>
        <source>the {what} {text!r} must be a positive number</source>
        <translation>{what} {text!r} 必须是正数</translation>
    </message>
    <message>
        <source>{name} needs a date column and a close column (Yahoo&apos;s Date,Open,High,Low,Close,Adj Close,Volume or a plain date,close); its header is {header!r}. Nothing was imported.</source>
        <translation>{name} 需要日期列和收盘价列（Yahoo 的 Date,Open,High,Low,Close,Adj Close,Volume，或简单的 date,close）；它的表头是 {header!r}。未导入任何内容。</translation>
    </message>
    <message>
        <source>{day} is in the future</source>
        <translation>{day} 是未来的日期</translation>
    </message>
    <message>
        <source>{day} is already on line {line}</source>
        <translation>{day} 已在第 {line} 行出现</translation>
    </message>
    <message>
        <source>Window opens: {subject} ({thesis})</source>
        <translation>时间窗口开启：{subject}（{thesis}）</translation>
    </message>
    <message>
        <source>Overdue: {subject} ({thesis})</source>
        <translation>已逾期：{subject}（{thesis}）</translation>
    </message>
    <message>
        <source>Review due: {thesis}</source>
        <translation>待复盘：{thesis}</translation>
    </message>
    <message>
        <source>Catalyst window opens</source>
        <translation>催化剂时间窗口开启</translation>
    </message>
    <message>
        <source>Catalyst overdue</source>
        <translation>催化剂逾期</translation>
    </message>
    <message>
        <source>Review due</source>
        <translation>待复盘</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>{count} things fell due</source>
        <translation>{count} 项事项到期</translation>
    </message>
    <message>
        <source>The next review date {day} must be after today ({today}).</source>
        <translation>下次复盘日期 {day} 必须晚于今天（{today}）。</translation>
    </message>
    <message>
        <source>Review of {title}</source>
        <translation>复盘 {title}</translation>
    </message>
    <message>
        <source>Add risk {title}</source>
        <translation>添加风险 {title}</translation>
    </message>
    <message>
        <source>Edit {what} of risk {title}</source>
        <translation>修改风险 {title} 的{what}</translation>
    </message>
    <message>
        <source>Delete risk {title}</source>
        <translation>删除风险 {title}</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
    <message>
        <source>Changed by another program</source>
        <translation>由其他程序修改</translation>
    </message>
    <message>
        <source>Edit {what} of source {title}</source>
        <translation>修改来源 {title} 的{what}</translation>
    </message>
    <message>
        <source>Delete source {title}</source>
        <translation>删除来源 {title}</translation>
    </message>
    <message>
        <source>Cite {title}</source>
        <translation>引用 {title}</translation>
    </message>
    <message>
        <source>Remove a citation</source>
        <translation>移除一条引用</translation>
    </message>
    <message>
        <source>No verified backup was found.</source>
        <translation>未找到经过校验的备份。</translation>
    </message>
    <message>
        <source>The newest good backup is {backup}; restore it with: python main.py restore &quot;{backup}&quot; --db &quot;{db_path}&quot;</source>
        <translation>最新的完好备份是 {backup}；可用以下命令恢复：python main.py restore &quot;{backup}&quot; --db &quot;{db_path}&quot;</translation>
    </message>
    <message>
        <source>{path} was written by a newer Thesis Tracker (schema version {version}; this version reads up to {supported})</source>
        <translation>{path} 由更新版本的 Thesis Tracker 写入（数据库结构版本 {version}；当前版本最多支持 {supported}）</translation>
    </message>
    <message>
        <source>{path} is damaged: {detail}</source>
        <translation>{path} 已损坏：{detail}</translation>
    </message>
    <message>
        <source>{path} is an empty SQLite database, not a Thesis Tracker one</source>
        <translation>{path} 是一个空的 SQLite 数据库，不是 Thesis Tracker 数据库</translation>
    </message>
    <message>
        <source>{path} is a SQLite database, but not a Thesis Tracker one ({detail})</source>
        <translation>{path} 是 SQLite 数据库，但不是 Thesis Tracker 数据库（{detail}）</translation>
    </message>
    <message>
        <source>Cannot create the lock file {path}: {reason}. Open the database read-only or move it somewhere writable.</source>
        <translation>无法创建锁文件 {path}：{reason}。请以只读方式打开数据库，或把它移到可写的位置。</translation>
    </message>
    <message>
        <source> (pid {pid})</source>
        <translation>（进程 {pid}）</translation>
    </message>
    <message>
        <source>{path} is open elsewhere{who}: use that window, or open this one read-only.</source>
        <translation>{path} 已在别处打开{who}：请使用那个窗口，或以只读方式打开。</translation>
    </message>
    <message>
        <source>{path} passed its full integrity check.</source>
        <translation>{path} 已通过完整性检查。</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation>（另有 {count} 处）</translation>
    </message>
    <message>
        <source>{path} failed its full integrity check ({problems}{more}): it is open read-only so nothing more is written to it. {hint}</source>
        <translation>{path} 未通过完整性检查（{problems}{more}）：已改为只读打开，不再写入任何内容。{hint}</translation>
    </message>
    <message>
        <source>The database is in a cloud-synced folder ({name}). Syncing can copy it half-written or from two machines at once: keep it on a local disk and back up instead.</source>
        <translation>数据库位于云同步文件夹（{name}）中。同步可能复制到写了一半的文件，或同时来自两台电脑：请把它放在本地磁盘，改用备份。</translation>
    </message>
    <message>
        <source>The database is on a network drive, where SQLite&apos;s locking is unreliable: keep it on a local disk.</source>
        <translation>数据库位于网络驱动器上，SQLite 的文件锁在那里并不可靠：请把它放在本地磁盘。</translation>
    </message>
    <message>
        <source>The database{where} is busy: another program is writing to it. Retry in a moment.</source>
        <translation>数据库{where}正忙：另一个程序正在写入。请稍后重试。</translation>
    </message>
    <message>
        <source>The database{where} cannot be written: the file or its folder is read-only. Nothing was changed.</source>
        <translation>数据库{where}无法写入：文件或其所在文件夹是只读的。未做任何更改。</translation>
    </message>
    <message>
        <source>The disk holding the database{where} is full: the change was not saved. Free some space and try again.</source>
        <translation>数据库{where}所在磁盘已满：更改未保存。请释放一些空间后重试。</translation>
    </message>
    <message>
        <source>The database{where} is damaged ({detail}).</source>
        <translation>数据库{where}已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>The database{where} holds text that is not valid UTF-8: python main.py check lists it and --repair mends it.</source>
        <translation>数据库{where}中有不是有效 UTF-8 的文本：python main.py check 可列出，加 --repair 可修复。</translation>
    </message>
    <message>
        <source>The database{where} cannot be opened or read ({detail}).</source>
        <translation>数据库{where}无法打开或读取（{detail}）。</translation>
    </message>
    <message>
        <source>The database{where} could not do this: {detail}. Nothing was changed.</source>
        <translation>数据库{where}无法完成此操作：{detail}。未做任何更改。</translation>
    </message>
    <message>
        <source>The change was refused because it breaks a rule of the database ({detail}). Nothing was changed.</source>
        <translation>更改被拒绝，因为它违反了数据库规则（{detail}）。未做任何更改。</translation>
    </message>
    <message>
        <source>There is no {what} with id {id}.</source>
        <translation>没有 ID 为 {id} 的{what}。</translation>
    </message>
    <message>
        <source>{path} is open read-only: changes cannot be saved.</source>
        <translation>{path} 以只读方式打开：无法保存更改。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>Cannot create {path}: the folder {folder} is read-only.</source>
        <translation>无法创建 {path}：文件夹 {folder} 是只读的。</translation>
    </message>
    <message>
        <source>{path} is read-only: open it read-only or copy it somewhere writable.</source>
        <translation>{path} 是只读的：请以只读方式打开，或复制到可写的位置。</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only, so SQLite cannot keep its journal beside {name}: move the file somewhere writable.</source>
        <translation>文件夹 {folder} 是只读的，SQLite 无法在 {name} 旁边保存日志文件：请把文件移到可写的位置。</translation>
    </message>
    <message>
        <source>{what}. It was not changed: update Thesis Tracker to use it.</source>
        <translation>{what}。文件未被更改：请升级 Thesis Tracker 后再使用。</translation>
    </message>
    <message>
        <source>{path} needs an upgrade (schema {version} -&gt; {current}), which a read-only open cannot do.</source>
        <translation>{path} 需要升级（数据库结构 {version} -&gt; {current}），只读打开时无法升级。</translation>
    </message>
    <message>
        <source>{error} {hint}</source>
        <translation>{error}{hint}</translation>
    </message>
    <message>
        <source>{path} is a SQLite database, but not a Thesis Tracker one: it was not changed.</source>
        <translation>{path} 是 SQLite 数据库，但不是 Thesis Tracker 数据库：文件未被更改。</translation>
    </message>
    <message>
        <source>The database ({path}) is damaged (unreadable schema: {reason}).</source>
        <translation>数据库（{path}）已损坏（无法读取结构：{reason}）。</translation>
    </message>
    <message>
        <source>{what}. It was not opened or changed: update Thesis Tracker to use it.</source>
        <translation>{what}。文件未被打开或更改：请升级 Thesis Tracker 后再使用。</translation>
    </message>
    <message>
        <source>{what}.</source>
        <translation>{what}。</translation>
    </message>
    <message>
        <source>{what}: it was not opened or changed.</source>
        <translation>{what}：文件未被打开或更改。</translation>
    </message>
    <message>
        <source>{text} It was not changed. {hint}</source>
        <translation>{text}文件未被更改。{hint}</translation>
    </message>
    <message>
        <source>There is no thesis with id {id}.</source>
        <translation>没有 ID 为 {id} 的投资逻辑。</translation>
    </message>
    <message>
        <source>New thesis {title}</source>
        <translation>新建投资逻辑 {title}</translation>
    </message>
    <message>
        <source>Change {what} of {title} to {value}</source>
        <translation>将 {title} 的{what}改为 {value}</translation>
    </message>
    <message>
        <source>Delete thesis {title}</source>
        <translation>删除投资逻辑 {title}</translation>
    </message>
    <message>
        <source>The review cadence must be a number of days, not {value!r}.</source>
        <translation>复盘周期必须是天数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The review cadence must be from 1 to 3660 days.</source>
        <translation>复盘周期必须在 1 到 3660 天之间。</translation>
    </message>
    <message>
        <source>no date (stored as {start!r} – {end!r})</source>
        <translation>无日期（存储为 {start!r} – {end!r}）</translation>
    </message>
    <message>
        <source>{what}: {new}</source>
        <translation>{what}：{new}</translation>
    </message>
    <message>
        <source>{what}: {old} -&gt; {new}</source>
        <translation>{what}：{old} -&gt; {new}</translation>
    </message>
    <message>
        <source>the {what} “{title}”</source>
        <translation>{what}“{title}”</translation>
    </message>
    <message>
        <source>the price of company {company} on {day}</source>
        <translation>公司 {company} 在 {day} 的股价</translation>
    </message>
    <message>
        <source>the {what} with id {id}</source>
        <translation>ID 为 {id} 的{what}</translation>
    </message>
    <message>
        <source>{name} was added again elsewhere since</source>
        <translation>{name}此后已在别处被重新添加</translation>
    </message>
    <message>
        <source>{name} was deleted elsewhere since</source>
        <translation>{name}此后已在别处被删除</translation>
    </message>
    <message>
        <source>{name} was changed elsewhere since</source>
        <translation>{name}此后已在别处被修改</translation>
    </message>
    <message>
        <source>Cannot undo “{label}”: {why} (by another program or window). Nothing was changed.</source>
        <translation>无法撤销“{label}”：{why}（被另一个程序或窗口）。未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot redo “{label}”: {why} (by another program or window). Nothing was changed.</source>
        <translation>无法重做“{label}”：{why}（被另一个程序或窗口）。未做任何更改。</translation>
    </message>
    <message>
        <source>The {what} contains a NUL character, which cannot be stored.</source>
        <translation>{what}中含有 NUL 字符，无法保存。</translation>
    </message>
    <message>
        <source>The {what} contains an invalid character (a lone surrogate); retype or paste it again.</source>
        <translation>{what}中含有无效字符（孤立的代理项）；请重新输入或粘贴。</translation>
    </message>
    <message>
        <source>The {what} is longer than {limit:,} characters.</source>
        <translation>{what}超过了 {limit:,} 个字符。</translation>
    </message>
    <message>
        <source>{value!r} is not a valid {what}: use one of {options}.</source>
        <translation>{value!r} 不是有效的{what}：请使用 {options} 之一。</translation>
    </message>
    <message>
        <source>The {what} must be a whole number from 1 to 5, not {value!r}.</source>
        <translation>{what}必须是 1 到 5 的整数，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>The {what} must be from 1 to 5, not {number}.</source>
        <translation>{what}必须在 1 到 5 之间，而不是 {number}。</translation>
    </message>
    <message>
        <source>The expected impact {value!r} must be + or -.</source>
        <translation>预期影响 {value!r} 必须是 + 或 -。</translation>
    </message>
</context>
<context>
    <name>AlreadyOpenDialog</name>
    <message>
        <source>Database already open</source>
        <translation>数据库已打开</translation>
    </message>
    <message>
        <source>Bring it forward</source>
        <translation>切换到那个窗口</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
</context>
<context>
    <name>Catalysts</name>
    <message>
        <source>Tick off…</source>
        <translation>勾选完成…</translation>
    </message>
    <message>
        <source>Mark missed…</source>
        <translation>标记为落空…</translation>
    </message>
    <message>
        <source>Mark cancelled…</source>
        <translation>标记为已取消…</translation>
    </message>
    <message>
        <source>Reopen (pending)</source>
        <translation>重新打开（待发生）</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>另存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>另存为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>The chart could not be encoded as PNG.</source>
        <translation>无法将图表编码为 PNG。</translation>
    </message>
    <message>
        <source>Time&amp;line</source>
        <translation>时间线(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>股价(&amp;P)</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <comment>date format: a month and its year</comment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>date format: a whole date</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>d</source>
        <comment>date format: a day of the month</comment>
        <translation>d日</translation>
    </message>
    <message>
        <source>MMM</source>
        <comment>date format: a month</comment>
        <translation>M月</translation>
    </message>
    <message>
        <source>Could not write {path}: the chart drew nothing.</source>
        <translation>无法写入 {path}：图表没有绘出任何内容。</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>conviction</source>
        <translation>确信度</translation>
    </message>
</context>
<context>
    <name>ChipDelegate</name>
    <message>
        <source>Show only the theses with “{chip}”</source>
        <translation>只显示带“{chip}”的投资逻辑</translation>
    </message>
</context>
<context>
    <name>ChipRow</name>
    <message>
        <source>Show only the theses with “{chip}”</source>
        <translation>只显示带“{chip}”的投资逻辑</translation>
    </message>
</context>
<context>
    <name>Column</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Catalyst</source>
        <translation>催化剂</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Base close</source>
        <translation>基准收盘价</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>本地名称</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Theses</source>
        <translation>投资逻辑</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预期时间</translation>
    </message>
    <message>
        <source>Parsed window</source>
        <translation>解析区间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Happened</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布机构</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>URL or file</source>
        <translation>网址或文件</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Cited for</source>
        <translation>引用于</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Conviction</source>
        <translation>确信度</translation>
    </message>
    <message>
        <source>Next catalyst</source>
        <translation>下一个催化剂</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复盘</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>投资逻辑</translation>
    </message>
</context>
<context>
    <name>Companies</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>CompaniesDialog</name>
    <message>
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Correct a company in place (double-click or F2). Select a duplicate, then Merge into… the one to keep.</source>
        <translation>直接在表中修改公司信息（双击或按 F2）。选中重复的公司，再点“合并到…”选择要保留的那一家。</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>Merge the selected company into another: its theses and prices move over, and it goes</source>
        <translation>把选中的公司合并到另一家：它的投资逻辑和股价数据一并转过去，它本身随之删除</translation>
    </message>
    <message>
        <source>Select the duplicate company first.</source>
        <translation>请先选中重复的公司。</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <source>Add beneficiary</source>
        <translation>添加受益标的</translation>
    </message>
    <message>
        <source>Known company, or a new name</source>
        <translation>已有公司，或输入新名称</translation>
    </message>
    <message>
        <source>e.g. SZSE, SSE, HKEX, NASDAQ</source>
        <translation>例如 SZSE、SSE、HKEX、NASDAQ</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>公司(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Ticker (new company)</source>
        <translation>代码(&amp;T)（新公司）</translation>
    </message>
    <message>
        <source>&amp;Local name (new company)</source>
        <translation>本地名称(&amp;L)（新公司）</translation>
    </message>
    <message>
        <source>&amp;Exchange (new company)</source>
        <translation>交易所(&amp;E)（新公司）</translation>
    </message>
    <message>
        <source>&amp;Role in the thesis</source>
        <translation>在逻辑中的角色(&amp;R)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>CorruptDialog</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The newest good backup is {backup}. Restoring it moves the damaged file aside (it is kept, not deleted).</source>
        <translation>最新的完好备份是 {backup}。恢复时会把损坏的文件移到一旁（保留，不会删除）。</translation>
    </message>
    <message>
        <source>Restore newest backup</source>
        <translation>恢复最新备份</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>The log is in {folder}</source>
        <translation>日志位于 {folder}</translation>
    </message>
    <message>
        <source>Could not open {folder}</source>
        <translation>无法打开 {folder}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Something went wrong — details saved to {report}.

What you were doing may not have finished; your saved data is safe. Please send the details with a note of what you did.</source>
        <translation>出错了——详细信息已保存到 {report}。

你刚才的操作可能没有完成；已保存的数据是安全的。请把详细信息连同你当时的操作说明一起发给我们。</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>Open log &amp;folder</source>
        <translation>打开日志文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>{problem} That window did not answer.</source>
        <translation>{problem}那个窗口没有响应。</translation>
    </message>
</context>
<context>
    <name>DatabaseSession</name>
    <message>
        <source>Today&apos;s backup could not be taken: {problem}</source>
        <translation>今天的备份未能完成：{problem}</translation>
    </message>
    <message>
        <source>Today&apos;s backup: {name}</source>
        <translation>今天的备份：{name}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD (none)</source>
        <translation>YYYY-MM-DD（可留空）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Pick a day from the calendar (Alt+Down)</source>
        <translation>从日历中选择日期（Alt+↓）</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Investment thesis</source>
        <translation>投资逻辑</translation>
    </message>
    <message>
        <source>since {date}</source>
        <translation>自 {date} 起</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Conviction</source>
        <translation>确信度</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>下次复盘</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>未安排</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>投资期限</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>标签：{tags}</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>投资逻辑</translation>
    </message>
    <message>
        <source>Sources: {numbers}</source>
        <translation>来源：{numbers}</translation>
    </message>
    <message>
        <source>Milestone timeline</source>
        <translation>里程碑时间线</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>记分卡</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>受益标的</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>本地名称</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Severity × likelihood</source>
        <translation>严重程度 × 可能性</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Catalysts</source>
        <translation>催化剂</translation>
    </message>
    <message>
        <source>Catalyst</source>
        <translation>催化剂</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>结果：{outcome}</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Happened</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>暂无变更记录。</translation>
    </message>
    <message>
        <source>unknown publisher</source>
        <translation>发布机构不详</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <source>Cited by: {list}</source>
        <translation>引用于：{list}</translation>
    </message>
    <message>
        <source>None cited.</source>
        <translation>暂无引用。</translation>
    </message>
    <message>
        <source>%n theses · generated {date}</source>
        <translation>%n 条投资逻辑 · 生成于 {date}</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Generated {date} · Thesis Tracker {version}</source>
        <translation>生成于 {date} · Thesis Tracker {version}</translation>
    </message>
    <message>
        <source>page {number} of {total}</source>
        <translation>第 {number} 页，共 {total} 页</translation>
    </message>
    <message>
        <source>Paper must be one of {papers}, not {paper!r}.</source>
        <translation>纸张必须是 {papers} 之一，而不是 {paper!r}。</translation>
    </message>
    <message>
        <source>There are no theses to export.</source>
        <translation>没有可导出的投资逻辑。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>Investment theses</source>
        <translation>投资逻辑汇编</translation>
    </message>
    <message>
        <source>The PDF export was cancelled.</source>
        <translation>PDF 导出已取消。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the PDF could not be started.</source>
        <translation>无法写入 {path}：无法开始生成 PDF。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the PDF writer wrote nothing.</source>
        <translation>无法写入 {path}：PDF 生成器没有写出任何内容。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>撤销(&amp;U) {step}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>重做(&amp;R) {step}</translation>
    </message>
    <message>
        <source>Change {field} of {title} from {old} to {new}.</source>
        <translation>将 {title} 的{field}从 {old} 改为 {new}。</translation>
    </message>
</context>
<context>
    <name>EmptyPrices</name>
    <message>
        <source>No prices yet</source>
        <translation>还没有股价数据</translation>
    </message>
    <message>
        <source>&amp;Import prices…</source>
        <translation>导入股价(&amp;I)…</translation>
    </message>
    <message>
        <source>Import daily prices for {companies} to chart them against this thesis&apos;s catalysts and fill the event study (returns after each done catalyst, and the excess over the benchmark once it has prices).</source>
        <translation>导入 {companies} 的日度股价，即可对照这条投资逻辑的催化剂作图，并生成事件研究（每个已兑现催化剂之后的收益，以及基准有股价后的超额收益）。</translation>
    </message>
    <message>
        <source>Import the benchmark&apos;s prices now; add beneficiary companies in the Beneficiaries tab to chart them too.</source>
        <translation>现在可以导入基准的股价；在“受益标的”页添加公司后，也能为它们作图。</translation>
    </message>
    <message>
        <source>This thesis names no companies yet: add beneficiaries in the Beneficiaries tab (or a benchmark ticker in Overview), then import their prices here.</source>
        <translation>这条投资逻辑还没有关联公司：请在“受益标的”页添加公司（或在“概览”中填写基准代码），再在这里导入股价。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The folder {folder} does not exist: type another, or choose one with Browse….</source>
        <translation>文件夹 {folder} 不存在：请输入其他路径，或点击“浏览…”选择。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Exporting theses to PDF…</source>
        <translation>正在把投资逻辑导出为 PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Exported %n thesis(es) ({pages}) to PDF.</source>
        <translation>已将 %n 条投资逻辑（{pages}）导出为 PDF。</translation>
    </message>
    <message>
        <source>%n page(s)</source>
        <translation>%n 页</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Exported %n catalyst(s) as calendar events.</source>
        <translation>已将 %n 个催化剂导出为日历事件。</translation>
    </message>
    <message>
        <source>Export Markdown</source>
        <translation>导出 Markdown</translation>
    </message>
    <message>
        <source>Exported the thesis to Markdown with its timeline chart.</source>
        <translation>已将投资逻辑连同时间线图导出为 Markdown。</translation>
    </message>
    <message>
        <source>Exported the thesis to Markdown.</source>
        <translation>已将投资逻辑导出为 Markdown。</translation>
    </message>
    <message>
        <source>Select a thesis first.</source>
        <translation>请先选择一条投资逻辑。</translation>
    </message>
    <message>
        <source>Markdown files (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
</context>
<context>
    <name>ExportCalendarDialog</name>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Pending catalysts only</source>
        <translation>仅待发生的催化剂</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The catalysts of these theses go into the calendar:</source>
        <translation>以下投资逻辑的催化剂将写入日历：</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
</context>
<context>
    <name>ExportDone</name>
    <message>
        <source>{names}
in {folder}</source>
        <translation>{names}
位于 {folder}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Current thesis</source>
        <translation>当前投资逻辑</translation>
    </message>
    <message>
        <source>Theses shown in the list ({count})</source>
        <translation>列表中显示的投资逻辑（{count}）</translation>
    </message>
    <message>
        <source>All theses ({count})</source>
        <translation>全部投资逻辑（{count}）</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter 信纸</translation>
    </message>
    <message>
        <source>Open when done</source>
        <translation>完成后打开</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Theses:</source>
        <translation>投资逻辑：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Only:</source>
        <translation>仅显示：</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show every thesis again</source>
        <translation>重新显示所有投资逻辑</translation>
    </message>
    <message>
        <source>Stop filtering by “{chip}”</source>
        <translation>不再按“{chip}”筛选</translation>
    </message>
</context>
<context>
    <name>ImportPricesDialog</name>
    <message>
        <source>Import prices</source>
        <translation>导入股价</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Company</source>
        <translation>公司(&amp;C)</translation>
    </message>
    <message>
        <source>CSV &amp;file</source>
        <translation>CSV 文件(&amp;F)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Prices CSV</source>
        <translation>股价 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>LaneChart</name>
    <message>
        <source>&amp;Fit to all catalysts</source>
        <translation>缩放至全部催化剂(&amp;F)</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The interface is now in {language}.</source>
        <translation>界面语言已切换为{language}。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search everything (titles, companies, 光模块…)</source>
        <translation>搜索全部内容（标题、公司、光模块…）</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;Theses</source>
        <translation>投资逻辑(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Upcoming</source>
        <translation>近期事项(&amp;U)</translation>
    </message>
    <message>
        <source>Changed by another program: shown as it is now.</source>
        <translation>数据已被其他程序修改：现在显示的是最新内容。</translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>正在载入列表…</translation>
    </message>
    <message>
        <source>Undone: {step}</source>
        <translation>已撤销：{step}</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>已重做：{step}</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>已重做</translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} theses</source>
        <translation>
            <numerusform>显示 %n / {total} 条投资逻辑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n catalyst(s) overdue</source>
        <translation>
            <numerusform>%n 个催化剂逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) overdue</source>
        <translation>
            <numerusform>%n 次复盘逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <source>Matches here:</source>
        <translation>本条中的匹配：</translation>
    </message>
    <message>
        <source>Select a thesis, then the catalyst to tick.</source>
        <translation>请先选择投资逻辑，再选择要勾选的催化剂。</translation>
    </message>
    <message>
        <source>Select the catalyst to tick, then Tick again (or tick its Done box).</source>
        <translation>请选择要勾选的催化剂，再点一次“勾选”（或直接勾选它的“完成”框）。</translation>
    </message>
    <message>
        <source>Review recorded; next review {date}.</source>
        <translation>复盘已记录；下次复盘 {date}。</translation>
    </message>
    <message>
        <source>Delete the thesis “{title}” with all its catalysts, risks, beneficiaries and history?
(Edit ▸ Undo brings it back.)</source>
        <translation>删除投资逻辑“{title}”及其全部催化剂、风险、受益标的和历史记录？
（可用“编辑 ▸ 撤销”恢复。）</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>New &amp;database…</source>
        <translation>新建数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a JSON bundle, a catalysts CSV or a market-catalyst-calendar dataset</source>
        <translation>导入 JSON 数据包、催化剂 CSV 或 market-catalyst-calendar 数据集</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export the selected thesis, the theses shown or all of them as a PDF</source>
        <translation>把选中的投资逻辑、列表中显示的或全部投资逻辑导出为 PDF</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>导出 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Export &amp;Calendar…</source>
        <translation>导出日历(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undo &amp;History…</source>
        <translation>撤销历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;New thesis…</source>
        <translation>新建投资逻辑(&amp;N)…</translation>
    </message>
    <message>
        <source>Write down a new investment thesis</source>
        <translation>记下一条新的投资逻辑</translation>
    </message>
    <message>
        <source>&amp;Delete thesis…</source>
        <translation>删除投资逻辑(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected thesis with everything in it (Undo brings it back)</source>
        <translation>删除选中的投资逻辑及其全部内容（可撤销）</translation>
    </message>
    <message>
        <source>&amp;Tick catalyst…</source>
        <translation>勾选催化剂(&amp;T)…</translation>
    </message>
    <message>
        <source>Tick off the selected catalyst: when it happened and what came of it</source>
        <translation>勾选选中的催化剂：何时发生、结果如何</translation>
    </message>
    <message>
        <source>Re&amp;view thesis…</source>
        <translation>复盘投资逻辑(&amp;V)…</translation>
    </message>
    <message>
        <source>Review the selected thesis: a note, any change of conviction or status, the next review date</source>
        <translation>复盘选中的投资逻辑：写下备注，调整确信度或状态，设定下次复盘日期</translation>
    </message>
    <message>
        <source>Remove de&amp;mo theses…</source>
        <translation>移除示例投资逻辑(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Companies…</source>
        <translation>公司(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>搜索(&amp;F)</translation>
    </message>
    <message>
        <source>Search every thesis, catalyst, risk, company and source</source>
        <translation>搜索所有投资逻辑、催化剂、风险、公司和来源</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theses</source>
        <translation>投资逻辑(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Upcoming</source>
        <translation>近期事项(&amp;U)</translation>
    </message>
    <message>
        <source>Catalysts and reviews due, overdue first, across every thesis</source>
        <translation>所有投资逻辑中即将到期的催化剂和复盘，逾期的排在最前</translation>
    </message>
    <message>
        <source>&amp;Reload Upcoming</source>
        <translation>刷新近期事项(&amp;R)</translation>
    </message>
    <message>
        <source>Show the &amp;toolbar</source>
        <translation>显示工具栏(&amp;T)</translation>
    </message>
    <message>
        <source>Desktop re&amp;minders</source>
        <translation>桌面提醒(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>语言(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About Thesis Tracker</source>
        <translation>关于 Thesis Tracker(&amp;A)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Click a step to go back to it. Steps in grey are undone: Redo, or a click on one, brings them back.</source>
        <translation>点击某一步即可回到那一步。灰色的步骤已撤销：重做或点击它们即可恢复。</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>Thesis Tracker database (*.sqlite3 *.db)</source>
        <translation>Thesis Tracker 数据库 (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>{path} already exists: use File ▸ Open to open it.</source>
        <translation>{path} 已存在：请用“文件 ▸ 打开”打开它。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>JSON bundle, catalysts CSV or market-catalyst-calendar dataset (*.json *.csv)</source>
        <translation>JSON 数据包、催化剂 CSV 或 market-catalyst-calendar 数据集 (*.json *.csv)</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>JSON bundle (*.json)</source>
        <translation>JSON 数据包 (*.json)</translation>
    </message>
    <message>
        <source>Exporting JSON…</source>
        <translation>正在导出 JSON…</translation>
    </message>
    <message>
        <source>Exported %n thesis(es) to {path}.</source>
        <translation>已将 %n 条投资逻辑导出到 {path}。</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>已备份到 {path}。</translation>
    </message>
    <message>
        <source>About Thesis Tracker</source>
        <translation>关于 Thesis Tracker</translation>
    </message>
    <message>
        <source>Investment theses, their beneficiaries, risks and dated catalysts in one local SQLite file.</source>
        <translation>在一个本地 SQLite 文件中管理投资逻辑及其受益标的、风险和有时间节点的催化剂。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge companies</source>
        <translation>合并公司</translation>
    </message>
    <message>
        <source>Merge “{company}” into:</source>
        <translation>将“{company}”合并到：</translation>
    </message>
    <message>
        <source>Choose the company to keep</source>
        <translation>选择要保留的公司</translation>
    </message>
    <message>
        <source>Its theses and prices move to that company; it goes. (Edit ▸ Undo brings it back.)</source>
        <translation>它的投资逻辑和股价数据将转到那家公司，它本身随之删除。（可用“编辑 ▸ 撤销”恢复。）</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>NewThesisDialog</name>
    <message>
        <source>New thesis</source>
        <translation>新建投资逻辑</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Statement</source>
        <translation>逻辑陈述(&amp;S)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Record the change</source>
        <translation>记录此次变更</translation>
    </message>
    <message>
        <source>Why? (optional, kept in the history)</source>
        <translation>原因？（可选，会记入历史）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>Onboarding</name>
    <message>
        <source>There are no demo theses in this database.</source>
        <translation>这个数据库中没有示例投资逻辑。</translation>
    </message>
    <message>
        <source>Remove the %n demo theses with their catalysts, risks and sources?
(Edit ▸ Undo brings them back.)</source>
        <translation>移除 %n 条示例投资逻辑及其催化剂、风险和来源？
（可用“编辑 ▸ 撤销”恢复。）</translation>
    </message>
    <message>
        <source>Removed %n demo theses. Edit ▸ Undo brings them back.</source>
        <translation>已移除 %n 条示例投资逻辑。可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Hori&amp;zon</source>
        <translation>投资期限(&amp;Z)</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>Benchmar&amp;k</source>
        <translation>基准(&amp;K)</translation>
    </message>
    <message>
        <source>State&amp;ment</source>
        <translation>逻辑陈述(&amp;M)</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>标题(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>状态(&amp;A)</translation>
    </message>
    <message>
        <source>Ne&amp;xt review</source>
        <translation>下次复盘(&amp;X)</translation>
    </message>
    <message>
        <source>Co&amp;nviction (1-5)</source>
        <translation>确信度(&amp;N)（1-5）</translation>
    </message>
    <message>
        <source>comma-separated, e.g. optics, 光模块</source>
        <translation>用逗号分隔，例如 optics, 光模块</translation>
    </message>
    <message>
        <source>ticker of an index or company, e.g. 000300.SH</source>
        <translation>指数或公司的代码，例如 000300.SH</translation>
    </message>
    <message>
        <source>The event study&apos;s Excess columns compare each company with this ticker; import its prices in the Prices tab</source>
        <translation>事件研究的“超额”列以这个代码为基准比较各公司；请在“股价”页导入它的股价</translation>
    </message>
    <message>
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Review cadence: a review sets the next date this far ahead</source>
        <translation>复盘周期：每次复盘后，下次复盘日期顺延这么多天</translation>
    </message>
    <message>
        <source>Revie&amp;w…</source>
        <translation>复盘(&amp;W)…</translation>
    </message>
    <message>
        <source>Record a review: a note, any change of conviction or status, and the next review date</source>
        <translation>记录一次复盘：备注、确信度或状态的调整，以及下次复盘日期</translation>
    </message>
    <message>
        <source>status since {date}</source>
        <translation>状态自 {date} 起</translation>
    </message>
    <message>
        <source>last {date}</source>
        <translation>上次复盘 {date}</translation>
    </message>
    <message>
        <source>never reviewed</source>
        <translation>尚未复盘</translation>
    </message>
    <message>
        <source>review overdue</source>
        <translation>复盘逾期</translation>
    </message>
</context>
<context>
    <name>PartPanel</name>
    <message>
        <source>Add {noun}</source>
        <translation>添加{noun}</translation>
    </message>
    <message>
        <source>Add a {noun} (Insert)</source>
        <translation>添加{noun}（Insert）</translation>
    </message>
    <message>
        <source>Remove {noun}</source>
        <translation>删除{noun}</translation>
    </message>
    <message>
        <source>Remove the selected {noun} (Delete)</source>
        <translation>删除选中的{noun}（Delete）</translation>
    </message>
    <message>
        <source>Remove the {noun} “{name}”?
(Edit ▸ Undo brings it back.)</source>
        <translation>删除{noun}“{name}”？
（可用“编辑 ▸ 撤销”恢复。）</translation>
    </message>
</context>
<context>
    <name>Parts</name>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>The new catalyst “{name}” is not stored yet: it needs {fields}. It waits on its thesis until you fill it in (or press Escape on it).</source>
        <translation>新催化剂“{name}”尚未保存：还需要填写{fields}。它会留在所属投资逻辑中，直到您填完（或按 Esc 取消）。</translation>
    </message>
    <message>
        <source>New catalyst: type its title and expected window (H2 2026, Q3 2026, end of 2027…); it is saved when you leave the row or press Enter. Escape cancels.</source>
        <translation>新催化剂：输入标题和预期时间（2026年下半年、Q3 2026、2027年底…）；离开这一行或按 Enter 即保存，按 Esc 取消。</translation>
    </message>
    <message>
        <source>Overdue: the window ended {date}</source>
        <translation>已逾期：时间窗口已于 {date} 结束</translation>
    </message>
    <message>
        <source>{status} on {date}</source>
        <translation>{date} {status}</translation>
    </message>
    <message>
        <source>The new risk “{name}” is not stored yet: it needs {fields}. It waits on its thesis until you fill it in (or press Escape on it).</source>
        <translation>新风险“{name}”尚未保存：还需要填写{fields}。它会留在所属投资逻辑中，直到您填完（或按 Esc 取消）。</translation>
    </message>
    <message>
        <source>New risk: type what would break the thesis; it is saved when you leave the row or press Enter. Escape cancels.</source>
        <translation>新风险：写下什么会让这条逻辑不成立；离开这一行或按 Enter 即保存，按 Esc 取消。</translation>
    </message>
    <message>
        <source>The new source “{name}” is not stored yet: it needs {fields}. It waits on its thesis until you fill it in (or press Escape on it).</source>
        <translation>新来源“{name}”尚未保存：还需要填写{fields}。它会留在所属投资逻辑中，直到您填完（或按 Esc 取消）。</translation>
    </message>
    <message>
        <source>New source: type its title (publisher, date and link too if you like); it is saved when you leave the row or press Enter. Escape cancels.</source>
        <translation>新来源：输入标题（也可填写发布机构、日期和链接）；离开这一行或按 Enter 即保存，按 Esc 取消。</translation>
    </message>
    <message>
        <source>: {locator}</source>
        <translation>：{locator}</translation>
    </message>
    <message>
        <source>(undone) {note}</source>
        <translation>（已撤销）{note}</translation>
    </message>
</context>
<context>
    <name>Prices</name>
    <message>
        <source>CSV, one file per company: a Yahoo Finance download (Date, Open, High, Low, Close, Adj Close, Volume; the adjusted close is used) or two columns date,close, in any encoding. Days without trading (Yahoo&apos;s null rows) are skipped.</source>
        <translation>CSV 文件，每家公司一个：Yahoo Finance 下载的文件（Date, Open, High, Low, Close, Adj Close, Volume；使用复权收盘价），或 date,close 两列，任何编码均可。无交易的日子（Yahoo 的空行）会被跳过。</translation>
    </message>
    <message>
        <source>close of {date}</source>
        <translation>{date} 的收盘价</translation>
    </message>
    <message>
        <source>over the thesis&apos;s benchmark</source>
        <translation>相对该投资逻辑的基准</translation>
    </message>
    <message>
        <source>+{days}d</source>
        <comment>a return after so many trading days</comment>
        <translation>+{days}日</translation>
    </message>
    <message>
        <source>Excess +{days}d</source>
        <comment>a return over the benchmark after so many trading days</comment>
        <translation>超额 +{days}日</translation>
    </message>
</context>
<context>
    <name>PricesChart</name>
    <message>
        <source>Rebased to 100</source>
        <translation>以 100 为基准</translation>
    </message>
    <message>
        <source>Absolute</source>
        <translation>绝对价格</translation>
    </message>
    <message>
        <source>on</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>&amp;Import prices…</source>
        <translation>导入股价(&amp;I)…</translation>
    </message>
    <message>
        <source>No prices yet for {companies}</source>
        <translation>{companies} 还没有股价数据</translation>
    </message>
    <message>
        <source>rebased (100 = {date})</source>
        <translation>指数化（{date} = 100）</translation>
    </message>
    <message>
        <source>close</source>
        <translation>收盘价</translation>
    </message>
    <message>
        <source>{name} (benchmark)</source>
        <translation>{name}（基准）</translation>
    </message>
    <message>
        <source>benchmark</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>{ticker} · benchmark (new company)</source>
        <translation>{ticker} · 基准（新公司）</translation>
    </message>
    <message>
        <source>Import prices</source>
        <translation>导入股价</translation>
    </message>
    <message>
        <source>Add a beneficiary company to this thesis first, or set its benchmark ticker in Overview.</source>
        <translation>请先为这条投资逻辑添加受益公司，或在“概览”中设置基准代码。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n days ({first} to {last}).</source>
        <translation>
            <numerusform>已导入 %n 天的数据（{first} 至 {last}）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PricesTab</name>
    <message numerus="yes">
        <source>Event study: %n row(s) from {events} done catalyst(s)</source>
        <translation>
            <numerusform>事件研究：来自 {events} 个已兑现催化剂的 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>excess over {benchmark}</source>
        <translation>相对 {benchmark} 的超额收益</translation>
    </message>
    <message>
        <source>benchmark {benchmark} has no prices yet: import them above for the Excess columns</source>
        <translation>基准 {benchmark} 还没有股价：在上方导入后才有“超额”列</translation>
    </message>
    <message>
        <source>no benchmark: set one in Overview for the Excess columns</source>
        <translation>未设基准：在“概览”中设置后才有“超额”列</translation>
    </message>
    <message>
        <source>day 0 = first trading day on or after the event; base = the close before it</source>
        <translation>第 0 天 = 事件当天或之后的第一个交易日；基准价 = 其前一日收盘价</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Show Thesis Tracker</source>
        <translation>显示 Thesis Tracker</translation>
    </message>
    <message>
        <source>Turn reminders off</source>
        <translation>关闭提醒</translation>
    </message>
    <message>
        <source>{title}: {first_line}</source>
        <translation>{title}：{first_line}</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review: {title}</source>
        <translation>复盘：{title}</translation>
    </message>
    <message>
        <source>next review was due {date}</source>
        <translation>原定下次复盘 {date}</translation>
    </message>
    <message>
        <source>no review scheduled yet</source>
        <translation>尚未安排复盘</translation>
    </message>
    <message>
        <source>next review is due today ({date})</source>
        <translation>今天（{date}）应复盘</translation>
    </message>
    <message>
        <source>next review is due {date}</source>
        <translation>下次复盘日期：{date}</translation>
    </message>
    <message>
        <source>What did you check, and does the thesis still hold? (required, kept in the history)</source>
        <translation>你核查了什么？这条逻辑是否依然成立？（必填，会记入历史）</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>(unchanged) {value}</source>
        <translation>（不变）{value}</translation>
    </message>
    <message>
        <source>&amp;Conviction</source>
        <translation>确信度(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Review &amp;every</source>
        <translation>复盘周期(&amp;E)</translation>
    </message>
    <message>
        <source>Ne&amp;xt review</source>
        <translation>下次复盘(&amp;X)</translation>
    </message>
    <message>
        <source>Record review</source>
        <translation>记录复盘</translation>
    </message>
</context>
<context>
    <name>RoadmapChart</name>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
    <message numerus="yes">
        <source>▾ {theme} · %n theses</source>
        <translation>
            <numerusform>▾ {theme} · %n 条投资逻辑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n catalysts in {theses} theses</source>
        <translation>
            <numerusform>{theses} 条投资逻辑中的 %n 个催化剂</numerusform>
        </translation>
    </message>
    <message>
        <source> of the {count} the list shows</source>
        <translation>（列表共显示 {count} 条）</translation>
    </message>
    <message>
        <source>wheel scrolls lanes, Ctrl+wheel zooms time</source>
        <translation>滚轮上下滚动，Ctrl+滚轮缩放时间轴</translation>
    </message>
</context>
<context>
    <name>Scorecard</name>
    <message>
        <source>%n slipped</source>
        <translation>%n 个延期</translation>
    </message>
    <message>
        <source>, by {days} days on average</source>
        <translation>，平均推迟 {days} 天</translation>
    </message>
    <message>
        <source>{rate} ({done} of {decided} decided &apos;+&apos; catalysts happened)</source>
        <translation>{rate}（已有结果的 {decided} 个“+”催化剂中兑现 {done} 个）</translation>
    </message>
    <message>
        <source>no &apos;+&apos; catalyst decided yet</source>
        <translation>尚无有结果的“+”催化剂</translation>
    </message>
    <message>
        <source> (held {conviction} when it was {outcome})</source>
        <translation>（{outcome}时确信度为 {conviction}）</translation>
    </message>
    <message>
        <source>{done} done · {missed} missed · {cancelled} cancelled · {pending} pending ({total} in all)</source>
        <translation>已兑现 {done} · 落空 {missed} · 已取消 {cancelled} · 待发生 {pending}（共 {total} 个）</translation>
    </message>
    <message>
        <source>{path}{held} · status {statuses}</source>
        <translation>{path}{held} · 状态 {statuses}</translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <source>Scorecard</source>
        <translation>记分卡</translation>
    </message>
    <message>
        <source>Catalysts</source>
        <translation>催化剂</translation>
    </message>
    <message>
        <source>Slips</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Positive hit rate</source>
        <translation>正面催化剂兑现率</translation>
    </message>
    <message>
        <source>Conviction path</source>
        <translation>确信度变化</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Search failed: {problem}</source>
        <translation>搜索失败：{problem}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Add a row to the table (a new thesis in the list)</source>
        <translation>在表格中添加一行（在列表中则新建投资逻辑）</translation>
    </message>
    <message>
        <source>Remove the selected row, after asking</source>
        <translation>删除选中的行（会先确认）</translation>
    </message>
    <message>
        <source>Edit the selected cell</source>
        <translation>编辑选中的单元格</translation>
    </message>
    <message>
        <source>Cancel a new row you have not filled in</source>
        <translation>取消尚未填写的新行</translation>
    </message>
    <message>
        <source>Tick the catalyst (on its Done box)</source>
        <translation>勾选催化剂（焦点在“完成”框上时）</translation>
    </message>
    <message>
        <source>Open the calendar of a date field</source>
        <translation>打开日期字段的日历</translation>
    </message>
    <message>
        <source>Record the review from its note</source>
        <translation>在备注中直接记录复盘</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>In tables and fields</source>
        <translation>表格和输入框中</translation>
    </message>
</context>
<context>
    <name>StartupNotice</name>
    <message>
        <source>Show &amp;Upcoming</source>
        <translation>查看近期事项(&amp;U)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>; </source>
        <comment>list separator</comment>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%n catalyst(s) overdue</source>
        <translation>
            <numerusform>%n 个催化剂逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) due</source>
        <translation>
            <numerusform>%n 次复盘到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due this week</source>
        <translation>
            <numerusform>本周到期 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>: </source>
        <comment>before a list</comment>
        <translation>：</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 等另外 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：未做任何更改。</translation>
    </message>
</context>
<context>
    <name>ThesisDetail</name>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Beneficiaries</source>
        <translation>受益标的(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Risks</source>
        <translation>风险(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Catalysts</source>
        <translation>催化剂(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>历史记录(&amp;Y)</translation>
    </message>
    <message>
        <source>Show &amp;undone changes</source>
        <translation>显示已撤销的变更(&amp;U)</translation>
    </message>
    <message>
        <source>Changes taken back with Edit ▸ Undo stay in the log, greyed; reports and exports leave them out</source>
        <translation>用“编辑 ▸ 撤销”撤回的变更仍保留在记录中（灰色显示）；报告和导出不包含它们</translation>
    </message>
    <message>
        <source>No thesis selected</source>
        <translation>未选择投资逻辑</translation>
    </message>
</context>
<context>
    <name>ThesisList</name>
    <message>
        <source>%n pending catalyst(s) past their window</source>
        <translation>%n 个待发生的催化剂已过时间窗口</translation>
    </message>
    <message>
        <source>⚠ {date} overdue</source>
        <translation>⚠ {date} 逾期</translation>
    </message>
    <message>
        <source>Review overdue since {date}: select it and press Review…</source>
        <translation>复盘自 {date} 起逾期：选中后点“复盘…”</translation>
    </message>
    <message>
        <source>Review due this week</source>
        <translation>本周需复盘</translation>
    </message>
</context>
<context>
    <name>TickDialog</name>
    <message>
        <source>Tick off</source>
        <translation>勾选完成</translation>
    </message>
    <message>
        <source>Mark missed</source>
        <translation>标记为落空</translation>
    </message>
    <message>
        <source>Mark cancelled</source>
        <translation>标记为已取消</translation>
    </message>
    <message>
        <source>{verb}: {title}</source>
        <translation>{verb}：{title}</translation>
    </message>
    <message>
        <source>Happened on</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>确认日期</translation>
    </message>
    <message>
        <source>Outcome: what happened, and what it means for the thesis</source>
        <translation>结果：发生了什么，对这条逻辑意味着什么</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>UndoRefusedDialog</name>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>The step stays on the undo stack. Forget it to undo the steps before it.</source>
        <translation>这一步仍保留在撤销记录中。忽略它才能撤销之前的步骤。</translation>
    </message>
    <message>
        <source>Forget this step</source>
        <translation>忽略这一步</translation>
    </message>
</context>
<context>
    <name>Upcoming</name>
    <message>
        <source>every {days} d</source>
        <translation>每 {days} 天</translation>
    </message>
    <message>
        <source>{every}, last {date}</source>
        <translation>{every}，上次 {date}</translation>
    </message>
    <message>
        <source>{every}, never reviewed</source>
        <translation>{every}，尚未复盘</translation>
    </message>
    <message>
        <source>Thesis review</source>
        <translation>投资逻辑复盘</translation>
    </message>
    <message>
        <source>review due</source>
        <translation>待复盘</translation>
    </message>
    <message>
        <source>Review overdue since {date}: double-click to open the thesis and press Review…</source>
        <translation>复盘自 {date} 起逾期：双击打开投资逻辑，再点“复盘…”</translation>
    </message>
    <message>
        <source>Review due on {date}: double-click to open the thesis and press Review…</source>
        <translation>{date} 需复盘：双击打开投资逻辑，再点“复盘…”</translation>
    </message>
</context>
<context>
    <name>UpcomingView</name>
    <message>
        <source>&amp;List</source>
        <translation>列表(&amp;L)</translation>
    </message>
    <message>
        <source>Road&amp;map</source>
        <translation>路线图(&amp;M)</translation>
    </message>
    <message>
        <source>All theses&apos; catalysts on one timeline, filterable by status and theme</source>
        <translation>所有投资逻辑的催化剂排在一条时间线上，可按状态和主题筛选</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>刷新(&amp;L)</translation>
    </message>
    <message>
        <source>Drop what was ticked and look again (F5)</source>
        <translation>清除已勾选的条目并重新查找（F5）</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due in the next {days} days</source>
        <translation>
            <numerusform>未来 {days} 天内到期 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) due</source>
        <translation>
            <numerusform>%n 次复盘到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settled here (gone on Reload)</source>
        <translation>
            <numerusform>%n 项已在此处了结（刷新后消失）</numerusform>
        </translation>
    </message>
    <message>
        <source>double-click a row to open its thesis</source>
        <translation>双击一行可打开对应的投资逻辑</translation>
    </message>
    <message>
        <source>Open thesis</source>
        <translation>打开投资逻辑</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>&lt;h3&gt;Welcome to Thesis Tracker&lt;/h3&gt;&lt;p&gt;To show how it works, the five theses in the list are &lt;b&gt;demo data&lt;/b&gt;: optical interconnect for AI data centres, written up from three research notes of late 2025 and early 2026 (a broker conference call, a Soochow Securities note, a commentary on a CITIC Securities report). Their sources are cited in each thesis.&lt;/p&gt;&lt;p&gt;The Soochow note sorts the trade into three themes:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Big light (大光)&lt;/b&gt;: the high-speed pluggable optical modules themselves (800G, 1.6T, 3.2T).&lt;/li&gt;&lt;li&gt;&lt;b&gt;Small light (小光)&lt;/b&gt;: what goes into them, upstream: optical and laser chips, DSPs, isolators and other passive parts.&lt;/li&gt;&lt;li&gt;&lt;b&gt;New light (新光)&lt;/b&gt;: new architectures, co-packaged (CPO) and near-packaged (NPO) optics.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The labels are the note&apos;s; reading them this way is ours, as each thesis says.&lt;/p&gt;&lt;p&gt;Keep the demo to look around (Edit ▸ Remove demo theses takes it out later), or start with an empty list.&lt;/p&gt;</source>
        <translation>
&lt;h3&gt;欢迎使用 Thesis Tracker&lt;/h3&gt;
&lt;p&gt;为了演示用法，列表中的五条投资逻辑是&lt;b&gt;示例数据&lt;/b&gt;：AI 数据中心的光互联，整理自 2025 年底至 2026 年初的三份研究资料（一次券商电话会议纪要、一篇东吴证券研报、一篇对中信证券研报的评论）。每条投资逻辑都注明了出处。&lt;/p&gt;
&lt;p&gt;东吴证券的研报把这条主线分为三个主题：&lt;/p&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;大光&lt;/b&gt;：高速可插拔光模块本身（800G、1.6T、3.2T）。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;小光&lt;/b&gt;：光模块的上游：光芯片与激光器芯片、DSP、隔离器等无源器件。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;新光&lt;/b&gt;：新架构，即共封装光学（CPO）与近封装光学（NPO）。&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;这些标签出自研报；如何解读是我们自己的理解，每条投资逻辑中都有说明。&lt;/p&gt;
&lt;p&gt;可以保留示例数据随便看看（之后用“编辑 ▸ 移除示例投资逻辑”即可删除），也可以从空白列表开始。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Welcome to Thesis Tracker</source>
        <translation>欢迎使用 Thesis Tracker</translation>
    </message>
    <message>
        <source>&amp;Keep the demo</source>
        <translation>保留示例(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>从空白开始(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>{start} – {end} ({precision})</source>
        <translation>{start} – {end}（{precision}）</translation>
    </message>
</context>
<context>
    <name>WindowEdit</name>
    <message>
        <source>e.g. H2 2026, 2H26, Q3 2026, end of 2027, 2026-05-20, 2026年下半年</source>
        <translation>例如 2026年下半年、H2 2026、2H26、Q3 2026、2027年底、2026-05-20</translation>
    </message>
</context>
</TS>
