import TuanthuRuntime

extension FindingsHTML {
    /// Status colours: dark text on a light tint (contrast at least 4.5:1), overdue inverted to stand out.
    static let statusColours: [(Status, background: String, text: String, bar: String)] = [
        (.met, "#e4f3e8", "#0b4f1f", "#2e7d32"),
        (.violated, "#fde0e0", "#8a1010", "#c62828"),
        (.late, "#fff0d6", "#6e3800", "#ef6c00"),
        (.overdue, "#8a1010", "#ffffff", "#7f0000"),
        (.noData, "#efe5fa", "#45207a", "#6a1b9a"),
        (.pending, "#e4edf8", "#183a5e", "#1565c0"),
        (.waiting, "#ececec", "#383838", "#757575"),
    ]

    static let css: String = {
        var s = """
        :root{--fg:#1a1a1a;--muted:#555;--line:#c9ccd1;--head:#f1f3f5;--link:#0b4fa8}
        *{box-sizing:border-box}
        [hidden]{display:none!important}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);background:#fff}
        header,main,footer{max-width:1180px;margin:0 auto;padding:0 16px}
        a{color:var(--link)}
        h1{font-size:1.5rem;line-height:1.25;margin:18px 0 10px}
        h2{font-size:1.22rem;margin:30px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--fg)}
        h3{display:inline;font-size:1.02rem;margin:0}
        .meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
        .meta dt{font-weight:600}.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}
        .plans{list-style:none;margin:0;padding:0}
        .muted,.count,.intro,.kind{color:var(--muted)}.count{font-weight:normal}
        .kind{font-size:.8rem}.intro{margin:4px 0 8px}
        .obl,code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em}
        code{overflow-wrap:anywhere}
        .badge,.chip{display:inline-block;padding:1px 8px;border:1px solid rgba(0,0,0,.25);border-radius:10px;font-size:.85rem;font-weight:600}
        .badge{white-space:nowrap}
        table{border-collapse:collapse}
        .summary{width:100%;max-width:640px}
        .summary caption{text-align:left;color:var(--muted);padding-bottom:4px}
        .summary th,.summary td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left}
        .summary .badge{white-space:normal}.summary td:last-child{white-space:nowrap}
        .summary thead th{background:var(--head)}
        .num{text-align:right!important;font-variant-numeric:tabular-nums}
        .bar{display:inline-block;width:min(34vw,260px);height:12px;border:1px solid #999;background:#f6f6f6;vertical-align:middle}
        .bar .fill{display:block;height:100%}
        .pct{display:inline-block;min-width:3em;text-align:right;font-variant-numeric:tabular-nums}
        .rows{margin:10px 0}
        .legend summary{cursor:pointer;color:var(--link)}
        .legend ul{list-style:none;padding:0;margin:6px 0}.legend li{margin:3px 0}
        .banner{margin:8px 0;padding:8px 12px;background:#fff3e0;border:2px solid #b34700;font-weight:600}
        .toolbar{display:flex;flex-wrap:wrap;gap:8px 16px;margin:8px 0;padding:8px 10px;background:var(--head);border:1px solid var(--line);border-radius:4px}
        .toolbar label{font-weight:600}
        select,button{font:inherit;max-width:100%;padding:3px 6px}
        .shown{color:var(--muted);margin:4px 0}
        .cards{list-style:none;padding:0;margin:0;display:grid;gap:10px}
        .card{border:1px solid var(--line);border-left-width:6px;border-radius:4px;padding:8px 12px}
        .card:target{outline:3px solid var(--link)}
        .card-head{margin:0 0 6px}
        .card dl{margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:3px 18px}
        .card dl div{display:grid;grid-template-columns:8.5em 1fr;gap:8px}
        .card dt{color:var(--muted);font-weight:600}.card dd{margin:0;overflow-wrap:anywhere}
        .pager{display:flex;align-items:center;gap:12px;margin:10px 0}
        details.agency{border:1px solid var(--line);border-radius:4px;margin:8px 0;padding:0 10px}
        details.agency>summary{cursor:pointer;padding:8px 0;line-height:1.9}
        .scroll{overflow-x:auto;max-width:100%;margin:4px 0 12px}
        .matrix{font-size:.84rem}
        .matrix th,.matrix td{border:1px solid var(--line);padding:3px 6px;text-align:center;vertical-align:middle}
        .matrix thead th{background:var(--head)}
        .matrix th[scope=row]{text-align:left;background:#fafbfc;font-weight:normal}
        .matrix tr>th:first-child{position:sticky;left:0;z-index:1;background:#fafbfc;min-width:8em;max-width:14em}
        .matrix thead tr>th:first-child{background:var(--head)}
        .matrix td{min-width:5.2em}.matrix td a,.chip a{color:inherit}
        .matrix .yr{white-space:nowrap}
        .matrix .chips{text-align:left}.chip{margin:2px 4px 2px 0;border-radius:4px;font-weight:normal}
        .chip .per{font-weight:600}
        .empty{background:#fff}
        .list th,.list td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
        .list thead th{background:var(--head)}.list th[scope=row]{font-weight:normal}
        footer{color:var(--muted);font-size:.85rem;margin-top:32px;padding-bottom:24px}
        @media (max-width:600px){
        body{font-size:14px}header,main,footer{padding:0 10px}
        h1{font-size:1.3rem}.bar{width:22vw}.summary th,.summary td{padding:4px 5px}
        .card dl{grid-template-columns:1fr}
        .card{padding:6px 8px}.card dl div{grid-template-columns:7.2em 1fr}
        .toolbar label{flex:1 1 100%}.toolbar select{width:100%}
        }
        @media print{
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{font-size:10pt}.toolbar,.pager,.shown{display:none!important}
        h2{break-after:avoid}.card,.matrix tr{break-inside:avoid}
        .scroll{overflow:visible}.matrix tr>th:first-child{position:static}
        a{color:inherit;text-decoration:none}
        }

        """
        for (status, background, text, bar) in statusColours {
            let c = status.rawValue
            s += ".s-\(c){background:\(background);color:\(text)}.b-\(c){background:\(bar)}.card[data-p=\(c)]{border-left-color:\(bar)}\n"
            // The status filter fades the other cells instead of removing them, so the matrix keeps its shape.
            s += "body[data-fs=\(c)] [data-f]:not([data-f=\(c)]){opacity:.25}\n"
        }
        return s
    }()
}
