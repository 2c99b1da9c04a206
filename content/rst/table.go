package rst

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tailordocs/tailor/content"
)

// A tline is a table line as docutils sees it: characters, with a padding
// character after each East Asian wide one so that columns line up.
type tline struct {
	l   line
	r   []rune
	off []int // byte offset in l.s of each rune of r, and of the end
}

const padRune = 0

func newTline(l line) tline {
	t := tline{l: l, r: make([]rune, 0, len(l.s)), off: make([]int, 0, len(l.s)+1)}
	for i, r := range l.s {
		t.r = append(t.r, r)
		t.off = append(t.off, i)
		if isWide(r) {
			t.r = append(t.r, padRune)
			t.off = append(t.off, i+utf8.RuneLen(r))
		}
	}
	t.off = append(t.off, len(l.s))
	return t
}

func (t tline) at(i int) rune {
	if i < 0 || i >= len(t.r) {
		return ' '
	}
	return t.r[i]
}

// sub returns the line view of runes [a:b).
func (t tline) sub(a, b int) line {
	a = min(max(a, 0), len(t.r))
	b = min(max(b, a), len(t.r))
	l := t.l.trim(t.off[a])
	l.s = l.s[:t.off[b]-t.off[a]]
	return l
}

// block2D cuts a rectangle out of table lines, as docutils'
// get_2D_block: lines [top, bottom), columns [left, right), right-trimmed,
// with their common indentation removed.
func block2D(ts []tline, top, left, bottom, right int) []line {
	out := make([]line, 0, bottom-top)
	type cut struct{ a, b int }
	cuts := make([]cut, 0, bottom-top)
	indent := right
	for i := top; i < bottom; i++ {
		t := ts[i]
		a, b := left, min(right, len(t.r))
		for b > a && (t.r[b-1] == ' ' || t.r[b-1] == padRune && b-1 == a) {
			b--
		}
		if b <= a {
			cuts = append(cuts, cut{a, a})
			continue
		}
		k := a
		for k < b && t.r[k] == ' ' {
			k++
		}
		indent = min(indent, k-a)
		cuts = append(cuts, cut{a, b})
	}
	for i, c := range cuts {
		t := ts[top+i]
		a := c.a
		if c.b > c.a && indent > 0 && indent < right {
			a += indent
		}
		if c.b <= c.a {
			a = min(c.a, len(t.r))
			out = append(out, t.sub(a, a))
			continue
		}
		out = append(out, t.sub(a, c.b))
	}
	return out
}

// gridTable reads a grid table.
func (p *parser) gridTable(lines []line) ([]content.Block, []line) {
	n, bad := textBlock(lines, true)
	blankFinish := true
	if bad >= 0 {
		p.errorAt(lines[bad], 0, "unexpected indentation; a grid table must not be indented inside")
		blankFinish = false
	}
	block := lines[:n]
	rest := lines[n:]
	for i, l := range block {
		if l.s == "" || l.s[0] != '+' && l.s[0] != '|' {
			blankFinish = false
			rest = lines[i:]
			block = block[:i]
			break
		}
	}
	if !isGridTop(block[len(block)-1].s) {
		blankFinish = false
		cut := -1
		for i := len(block) - 2; i > 1; i-- {
			if isGridTop(block[i].s) {
				cut = i
				break
			}
		}
		if cut < 0 {
			p.errorAt(block[0], 0, "malformed table: no bottom border; end the table with a line like the top border")
			return p.tableFallback(block), rest
		}
		rest = lines[cut+1:]
		block = block[:cut+1]
	}
	ts := make([]tline, len(block))
	for i, l := range block {
		ts[i] = newTline(l)
	}
	width := len(ts[0].r)
	for i, t := range ts {
		if len(t.r) != width || t.r[width-1] != '+' && t.r[width-1] != '|' {
			p.errorAt(block[i], 0, "malformed table: the right edge of this line does not line up with the top border")
			return p.tableFallback(block), rest
		}
	}
	tbl, errLine, err := p.parseGrid(ts)
	if err != "" {
		p.errorAt(block[errLine], 0, "malformed table: %s", err)
		return p.tableFallback(block), rest
	}
	if !blankFinish && len(rest) > 0 && !rest[0].blank() {
		p.warnAt(rest[0], 0, "blank line required after table")
	}
	return []content.Block{tbl}, rest
}

// tableFallback keeps the text of a malformed table as a literal block.
func (p *parser) tableFallback(block []line) []content.Block {
	block = trimBlank(block)
	if len(block) == 0 {
		return nil
	}
	indent := func(l line) int { return utf8.RuneCountInString(l.src.text[:min(l.col, len(l.src.text))]) }
	for _, l := range block[1:] {
		if indent(l) != indent(block[0]) {
			// lines that do not line up ("+0  = =" then " 0"): no literal
			// block can keep their columns; the text stays as a paragraph
			first, last := block[0], block[len(block)-1]
			return []content.Block{&content.Paragraph{
				Span:    content.Span{Start: first.pos(0), End: last.endPos()},
				Inlines: []content.Inline{&content.Text{Span: content.Span{Start: first.pos(0), End: last.endPos()}, Value: srcOf(block).text}},
			}}
		}
	}
	c := newCode(block)
	c.Directive = "table"
	return []content.Block{c}
}

// A gridCell is a cell found by the grid table scanner.
type gridCell struct{ top, left, bottom, right int }

// parseGrid parses a grid table as docutils' GridTableParser does.
func (p *parser) parseGrid(ts []tline) (*content.Table, int, string) {
	bottom := len(ts) - 1
	right := len(ts[0].r) - 1
	headSep := -1
	for i := range ts {
		s := string(ts[i].r)
		if isGridHeadSep(s) {
			if headSep > 0 {
				return nil, i, "multiple head/body row separators; only one is allowed"
			}
			headSep = i
			r := make([]rune, len(ts[i].r))
			for k, c := range ts[i].r {
				if c == '=' {
					c = '-'
				}
				r[k] = c
			}
			ts[i].r = r
		}
	}
	if headSep == 0 || headSep == bottom {
		return nil, max(headSep, 0), "the head/body row separator may not be the first or last line of the table"
	}
	g := &gridScanner{ts: ts, bottom: bottom, right: right, budget: 64*len(ts)*(right+1) + 4096}
	g.done = make([]int, right+1)
	for i := range g.done {
		g.done[i] = -1
	}
	g.rowseps = map[int]bool{0: true}
	g.colseps = map[int]bool{0: true}
	corners := [][2]int{{0, 0}}
	for len(corners) > 0 {
		top, left := corners[0][0], corners[0][1]
		corners = corners[1:]
		if top == bottom || left == right || top <= g.done[left] {
			continue
		}
		c, ok := g.scanCell(top, left)
		if g.budget < 0 {
			return nil, 0, "the table is too complex to parse"
		}
		if !ok {
			continue
		}
		for col := c.left; col < c.right; col++ {
			g.done[col] = c.bottom - 1
		}
		g.cells = append(g.cells, c)
		corners = append(corners, [2]int{c.top, c.right}, [2]int{c.bottom, c.left})
		sort.Slice(corners, func(i, j int) bool {
			if corners[i][0] != corners[j][0] {
				return corners[i][0] < corners[j][0]
			}
			return corners[i][1] < corners[j][1]
		})
	}
	for col := 0; col < right; col++ {
		if g.done[col] != bottom-1 {
			return nil, 0, "parse incomplete; check that every cell is closed by + - and | lines"
		}
	}
	rowseps := sortedKeys(g.rowseps)
	colseps := sortedKeys(g.colseps)
	rowIndex := map[int]int{}
	for i, r := range rowseps {
		rowIndex[r] = i
	}
	colIndex := map[int]int{}
	for i, c := range colseps {
		colIndex[c] = i
	}
	nrows := len(rowseps) - 1
	rows := make([]*content.Row, nrows)
	for i := range rows {
		rows[i] = &content.Row{}
	}
	used := make([][]bool, nrows)
	for i := range used {
		used[i] = make([]bool, len(colseps)-1)
	}
	sort.SliceStable(g.cells, func(i, j int) bool {
		a, b := g.cells[i], g.cells[j]
		if a.top != b.top {
			return a.top < b.top
		}
		return a.left < b.left
	})
	for _, c := range g.cells {
		r, ok1 := rowIndex[c.top]
		col, ok2 := colIndex[c.left]
		rb, ok3 := rowIndex[c.bottom]
		cr, ok4 := colIndex[c.right]
		if !ok1 || !ok2 || !ok3 || !ok4 || r >= nrows || used[r][col] {
			return nil, c.top, "overlapping cells"
		}
		for i := r; i < rb; i++ {
			for j := col; j < cr; j++ {
				used[i][j] = true
			}
		}
		cell := &content.Cell{ColSpan: cr - col, RowSpan: rb - r}
		cell.Start = ts[c.top].l.pos(ts[c.top].off[c.left])
		cell.End = ts[c.bottom].l.pos(ts[c.bottom].off[c.right+1])
		cell.Blocks = p.body(block2D(ts, c.top+1, c.left+1, c.bottom, c.right), false)
		rows[r].Cells = append(rows[r].Cells, cell)
	}
	tbl := &content.Table{}
	tbl.Start = ts[0].l.pos(0)
	tbl.End = ts[bottom].l.endPos()
	for i, row := range rows {
		row.Start = ts[rowseps[i]].l.pos(0)
		row.End = ts[rowseps[i+1]].l.endPos()
	}
	nhead := 0
	if headSep > 0 {
		nhead = rowIndex[headSep]
	}
	tbl.Head = rows[:nhead]
	tbl.Body = rows[nhead:]
	if len(tbl.Head) == 0 {
		tbl.Head = nil
	}
	return tbl, 0, ""
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// A gridScanner traces the cells of a grid table.
type gridScanner struct {
	ts               []tline
	bottom, right    int
	done             []int
	cells            []gridCell
	rowseps, colseps map[int]bool
	budget           int
}

func (g *gridScanner) at(row, col int) rune {
	g.budget--
	return g.ts[row].at(col)
}

func (g *gridScanner) scanCell(top, left int) (gridCell, bool) {
	if g.at(top, left) != '+' {
		return gridCell{}, false
	}
	colseps := map[int]bool{}
	for i := left + 1; i <= g.right && g.budget >= 0; i++ {
		switch g.at(top, i) {
		case '+':
			colseps[i] = true
			if bottom, rowseps, newcols, ok := g.scanDown(top, left, i); ok {
				for k := range colseps {
					g.colseps[k] = true
				}
				for k := range newcols {
					g.colseps[k] = true
				}
				for k := range rowseps {
					g.rowseps[k] = true
				}
				return gridCell{top, left, bottom, i}, true
			}
		case '-':
		default:
			return gridCell{}, false
		}
	}
	return gridCell{}, false
}

func (g *gridScanner) scanDown(top, left, right int) (int, map[int]bool, map[int]bool, bool) {
	rowseps := map[int]bool{}
	for i := top + 1; i <= g.bottom && g.budget >= 0; i++ {
		switch g.at(i, right) {
		case '+':
			rowseps[i] = true
			if newrows, colseps, ok := g.scanLeft(top, left, i, right); ok {
				for k := range newrows {
					rowseps[k] = true
				}
				return i, rowseps, colseps, true
			}
		case '|':
		default:
			return 0, nil, nil, false
		}
	}
	return 0, nil, nil, false
}

func (g *gridScanner) scanLeft(top, left, bottom, right int) (map[int]bool, map[int]bool, bool) {
	colseps := map[int]bool{}
	for i := right - 1; i > left; i-- {
		switch g.at(bottom, i) {
		case '+':
			colseps[i] = true
		case '-':
		default:
			return nil, nil, false
		}
	}
	if g.at(bottom, left) != '+' {
		return nil, nil, false
	}
	rowseps := map[int]bool{}
	for i := bottom - 1; i > top; i-- {
		switch g.at(i, left) {
		case '+':
			rowseps[i] = true
		case '|':
		default:
			return nil, nil, false
		}
	}
	return rowseps, colseps, true
}

// simpleTable reads a simple table.
func (p *parser) simpleTable(lines []line) ([]content.Block, []line) {
	toplen := len(lines[0].s)
	found, foundAt, end := 0, -1, -1
	limit := len(lines) - 1
	for i := 1; i <= limit; i++ {
		l := lines[i]
		if !isSimpleBorder(l.s) {
			continue
		}
		if len(l.s) != toplen {
			p.errorAt(l, 0, "malformed table: this border does not match the top border; make them the same length")
			return p.tableFallback(lines[:i+1]), lines[i+1:]
		}
		found++
		foundAt = i
		if found == 2 || i == limit || lines[i+1].blank() {
			end = i
			break
		}
	}
	if end < 0 {
		if found > 0 {
			p.errorAt(lines[0], 0, "malformed table: no bottom border found or no blank line after the table bottom")
			return p.tableFallback(lines[:foundAt+1]), lines[foundAt+1:]
		}
		p.errorAt(lines[0], 0, "malformed table: no bottom border found; end the table with a border like its top")
		return p.tableFallback(lines), nil
	}
	block := lines[:end+1]
	rest := lines[end+1:]
	tbl, errLine, err := p.parseSimple(block)
	if err != "" {
		p.errorAt(block[errLine], 0, "malformed table: %s", err)
		return p.tableFallback(block), rest
	}
	if len(rest) > 0 && !rest[0].blank() {
		p.warnAt(rest[0], 0, "blank line required after table")
	}
	return []content.Block{tbl}, rest
}

// A simpleCell is a cell of a simple table row.
type simpleCell struct {
	morecols int
	offset   int
	start    int // file offset of the cell's column on its first line
	lines    []line
}

// parseSimple parses a simple table as docutils' SimpleTableParser does.
func (p *parser) parseSimple(block []line) (*content.Table, int, string) {
	ts := make([]tline, len(block))
	for i, l := range block {
		ts[i] = newTline(l)
	}
	dash := func(t tline) []rune {
		r := make([]rune, len(t.r))
		for i, c := range t.r {
			if c == '=' {
				c = '-'
			}
			r[i] = c
		}
		return r
	}
	headSep := -1
	for i := 1; i < len(ts)-1; i++ {
		if isSimpleBorder(string(ts[i].r)) {
			if headSep > 0 {
				return nil, i, "multiple head/body row separators; only one is allowed"
			}
			headSep = i
			ts[i].r = dash(ts[i])
		}
	}
	ts[0].r = dash(ts[0])
	ts[len(ts)-1].r = dash(ts[len(ts)-1])
	columns := parseColumns(ts[0].r)
	if len(columns) == 0 {
		return nil, 0, "no columns"
	}
	borderEnd := columns[len(columns)-1][1]
	var table [][]simpleCell
	var rowOffsets []int
	isSpan := func(r []rune) bool {
		if len(r) == 0 || r[0] != '-' {
			return false
		}
		for _, c := range r {
			if c != '-' && c != ' ' {
				return false
			}
		}
		return true
	}
	parseRow := func(start, end int, spanline []rune, spanOffset int) (int, string) {
		if start >= end && spanline == nil {
			return 0, ""
		}
		cols := append([][2]int(nil), columns...)
		if spanline != nil {
			cols = parseColumns(spanline)
			if len(cols) == 0 || cols[len(cols)-1][1] != borderEnd {
				return spanOffset, "column span incomplete"
			}
			cols[len(cols)-1][1] = columns[len(columns)-1][1]
		}
		// Text overflowing the last column widens it; text in a margin is
		// an error.
		last := len(cols) - 1
		for i := range cols {
			next := 1 << 30
			if i < last {
				next = cols[i+1][0]
			}
			for k := start; k < end; k++ {
				t := ts[k].r
				if i == last {
					if strings.TrimSpace(string(safeRunes(t, cols[i][1], len(t)))) != "" {
						text := strings.TrimRight(string(safeRunes(t, cols[i][0], len(t))), " ")
						newEnd := cols[i][0] + utf8.RuneCountInString(text)
						cols[i][1] = max(cols[i][1], newEnd)
						if newEnd > columns[len(columns)-1][1] {
							columns[len(columns)-1][1] = newEnd
						}
					}
				} else if strings.TrimSpace(string(safeRunes(t, cols[i][1], next))) != "" {
					return k, "text in a column margin; line the text up with the columns"
				}
			}
		}
		var row []simpleCell
		ci := 0
		for _, c := range cols {
			more := 0
			if ci >= len(columns) || c[0] != columns[ci][0] {
				return start, "column span alignment problem"
			}
			for ci < len(columns) && c[1] != columns[ci][1] {
				ci++
				more++
			}
			if ci >= len(columns) {
				return start, "column span alignment problem"
			}
			ci++
			t := ts[start]
			row = append(row, simpleCell{morecols: more, offset: start, start: t.l.pos(t.off[min(c[0], len(t.r))]),
				lines: block2D(ts, start, c[0], end, c[1])})
		}
		table = append(table, row)
		rowOffsets = append(rowOffsets, start)
		return 0, ""
	}
	first0, first1 := columns[0][0], columns[0][1]
	start := 1
	textFound := false
	for offset := 1; offset < len(ts); offset++ {
		r := ts[offset].r
		if isSpan(r) {
			if at, err := parseRow(start, offset, r, offset); err != "" {
				return nil, at, err
			}
			start = offset + 1
			textFound = false
		} else if strings.TrimSpace(string(safeRunes(r, first0, first1))) != "" {
			if textFound && offset != start {
				if at, err := parseRow(start, offset, nil, 0); err != "" {
					return nil, at, err
				}
			}
			start = offset
			textFound = true
		} else if !textFound {
			start = offset + 1
		}
	}
	tbl := &content.Table{}
	tbl.Start = block[0].pos(0)
	tbl.End = block[len(block)-1].endPos()
	for i, cells := range table {
		row := &content.Row{}
		off := rowOffsets[i]
		row.Start = block[off].pos(0)
		row.End = block[off].endPos()
		for _, c := range cells {
			cell := &content.Cell{ColSpan: c.morecols + 1, RowSpan: 1}
			cell.Start, cell.End = c.start, row.End
			if l, ok := lastNonBlank(c.lines); ok {
				if l.endPos() > row.End {
					row.End = l.endPos()
				}
				cell.End = l.endPos()
			}
			cell.Blocks = p.body(c.lines, false)
			row.Cells = append(row.Cells, cell)
		}
		if headSep > 0 && off < headSep {
			tbl.Head = append(tbl.Head, row)
		} else {
			tbl.Body = append(tbl.Body, row)
		}
	}
	return tbl, 0, ""
}

func safeRunes(r []rune, a, b int) []rune {
	a = min(max(a, 0), len(r))
	b = min(max(b, a), len(r))
	return r[a:b]
}

// parseColumns returns the [start, end) of each run of "-" in a border.
func parseColumns(r []rune) [][2]int {
	var cols [][2]int
	for i := 0; i < len(r); {
		if r[i] != '-' {
			i++
			continue
		}
		j := i
		for j < len(r) && r[j] != ' ' {
			j++
		}
		cols = append(cols, [2]int{i, j})
		i = j
	}
	return cols
}

// tableDirective handles ".. table:: caption" around a table.
func (p *parser) tableDirective(d *directive, titles bool) []content.Block {
	blocks := p.body(d.content, false)
	if len(blocks) == 1 {
		if t, ok := blocks[0].(*content.Table); ok {
			if d.argText != "" {
				t.Caption = p.inlines(d.argSrc())
			}
			t.Span = d.span
			t.Name, _ = d.option("name")
			return []content.Block{t}
		}
	}
	p.dirError(d, "the content must be exactly one table")
	n := newDirectiveNode(d, true)
	n.Blocks = blocks
	return []content.Block{n}
}

// listTableDirective turns a two-level bullet list into a table.
func (p *parser) listTableDirective(d *directive, titles bool) []content.Block {
	blocks := p.body(d.content, false)
	bad := func(msg string) []content.Block {
		p.dirError(d, "%s", msg)
		n := newDirectiveNode(d, true)
		n.Blocks = blocks
		return []content.Block{n}
	}
	if len(blocks) != 1 {
		return bad("the content must be one bullet list of bullet lists")
	}
	outer, ok := blocks[0].(*content.List)
	if !ok || outer.Ordered {
		return bad("the content must be one bullet list of bullet lists")
	}
	t := &content.Table{Span: d.span}
	if d.argText != "" {
		t.Caption = p.inlines(d.argSrc())
	}
	ncols := -1
	var rows []*content.Row
	for _, it := range outer.Items {
		if len(it.Blocks) != 1 {
			return bad("each item must hold exactly one bullet list")
		}
		inner, ok := it.Blocks[0].(*content.List)
		if !ok || inner.Ordered {
			return bad("each item must hold exactly one bullet list")
		}
		if ncols >= 0 && len(inner.Items) != ncols {
			return bad("the rows must have the same number of cells")
		}
		ncols = len(inner.Items)
		row := &content.Row{Span: it.Span}
		for _, c := range inner.Items {
			row.Cells = append(row.Cells, &content.Cell{Span: c.Span, Blocks: c.Blocks, ColSpan: 1, RowSpan: 1})
		}
		rows = append(rows, row)
	}
	nhead := 0
	if v, ok := d.option("header-rows"); ok {
		nhead = atoiOr(v, 0)
		if nhead < 0 || nhead > len(rows) {
			return bad("invalid :header-rows: value " + quote(v))
		}
	}
	t.Head, t.Body = rows[:nhead], rows[nhead:]
	if nhead == 0 {
		t.Head = nil
	}
	t.Name, _ = d.option("name")
	t.Stub = p.stubColumns(d)
	return []content.Block{t}
}

// csvTableDirective turns comma-separated values into a table.
func (p *parser) csvTableDirective(d *directive, titles bool) []content.Block {
	t := &content.Table{Span: d.span}
	if d.argText != "" {
		t.Caption = p.inlines(d.argSrc())
	}
	if _, ok := d.option("file"); ok {
		p.dirError(d, ":file: is not supported; put the data in the directive")
	}
	if _, ok := d.option("url"); ok {
		p.dirError(d, ":url: is not supported; put the data in the directive")
	}
	delim := byte(',')
	if v, ok := d.option("delim"); ok && v != "" {
		switch v {
		case "tab":
			delim = '\t'
		case "space":
			delim = ' '
		default:
			delim = v[0]
		}
	}
	var head []*content.Row
	if v, ok := d.option("header"); ok {
		l := d.optLine["header"]
		ts := fixedSrc(v, l.src.file(), l.pos(0), l.endPos())
		for _, rec := range parseCSV(ts, delim) {
			head = append(head, p.csvRow(rec))
		}
	}
	var body []*content.Row
	if len(d.content) > 0 {
		for _, rec := range parseCSV(srcOf(d.content), delim) {
			body = append(body, p.csvRow(rec))
		}
	}
	if v, ok := d.option("header-rows"); ok {
		n := atoiOr(v, 0)
		if n < 0 || n > len(body) {
			p.dirError(d, "invalid :header-rows: value %s", quote(v))
		} else {
			head = append(head, body[:n]...)
			body = body[n:]
		}
	}
	t.Head, t.Body = head, body
	t.Name, _ = d.option("name")
	t.Stub = p.stubColumns(d)
	return []content.Block{t}
}

// stubColumns reads a table directive's :stub-columns:.
func (p *parser) stubColumns(d *directive) int {
	v, ok := d.option("stub-columns")
	if !ok {
		return 0
	}
	n := atoiOr(v, -1)
	if n < 0 {
		p.dirError(d, "invalid :stub-columns: value %s", quote(v))
		return 0
	}
	return n
}

// A csvField is one field of a CSV record with its place in the text.
type csvField struct {
	ts *textSrc
}

// parseCSV splits text into records of fields, with double quotes for
// fields that hold the delimiter, newlines or quotes ("" in a quoted
// field is one quote).
func parseCSV(ts *textSrc, delim byte) [][]csvField {
	s := ts.text
	var records [][]csvField
	var rec []csvField
	i := 0
	for i <= len(s) {
		// Skip spaces at the start of a field, as docutils does.
		for i < len(s) && s[i] == ' ' && delim != ' ' {
			i++
		}
		start := i
		var f *textSrc
		if i < len(s) && s[i] == '"' {
			var b strings.Builder
			j := i + 1
			for j < len(s) {
				if s[j] == '"' {
					if j+1 < len(s) && s[j+1] == '"' {
						b.WriteByte('"')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(s[j])
				j++
			}
			f = fixedSrc(b.String(), ts.file, ts.pos(start+1), ts.pos(j))
			i = j + 1
			for i < len(s) && s[i] != delim && s[i] != '\n' {
				i++
			}
		} else {
			j := i
			for j < len(s) && s[j] != delim && s[j] != '\n' {
				j++
			}
			f = ts.slice(i, j)
			i = j
		}
		rec = append(rec, csvField{ts: f})
		if i >= len(s) || s[i] == '\n' {
			if !(len(rec) == 1 && strings.TrimSpace(rec[0].ts.text) == "") {
				records = append(records, rec)
			}
			rec = nil
			if i >= len(s) {
				break
			}
		}
		i++
	}
	return records
}

// csvRow makes a table row of CSV fields, each a paragraph.
func (p *parser) csvRow(rec []csvField) *content.Row {
	row := &content.Row{}
	for i, f := range rec {
		text := strings.TrimSpace(f.ts.text)
		cell := &content.Cell{ColSpan: 1, RowSpan: 1, Span: f.ts.span(0, len(f.ts.text))}
		if text != "" {
			a := strings.Index(f.ts.text, text)
			ts := f.ts.slice(a, a+len(text))
			cell.Blocks = []content.Block{&content.Paragraph{Span: ts.span(0, len(text)), Inlines: p.inlines(ts)}}
		}
		if i == 0 {
			row.Start = cell.Start
		}
		row.End = cell.End
		row.Cells = append(row.Cells, cell)
	}
	return row
}

func atoiOr(s string, def int) int {
	n := 0
	if s == "" {
		return def
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || n > 1<<20 {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
