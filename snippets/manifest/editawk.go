package manifest

// editAwk sets keyed lines in the file it reads, as install.sh applies an
// edit fragment: ENVIRON["TFMT"] is the format (python, ini, key=value,
// directive, nginx, apache, apt, hba); ENVIRON["TSPEC"] a file of one line
// per setting, "SECTION<tab>KEY<tab>N"; ENVIRON["TVAL"] the lines that
// set them, each setting's N lines in turn. A key set once is replaced
// where it stands (its indentation kept); one commented out, where the
// first such line stands; one absent is added at the end of its section
// (INI), or of the file. An INI key of no section that the top level
// lacks is the key of the one section that has it (as tree.findKey
// reads it). It prints the file as it becomes. Exit status 3: a key is
// set more than once in its section (its name on standard error); 5: a
// directive of nginx or Apache is not there to set (nested in blocks, it
// is never added); 6: an INI key of no section is in more than one
// section.
const editAwk = `
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
function iskey(k) { return k ~ /^[A-Za-z_][A-Za-z0-9_.:-]*$/ }
# keyof returns the key that line s sets in format f, "" for none.
function keyof(s, f,   t, i) {
	if (f == "python") {
		if (s !~ /^[A-Za-z_][A-Za-z0-9_]*[ \t]*=/ || s ~ /^[A-Za-z_][A-Za-z0-9_]*[ \t]*==/) return ""
		t = s; sub(/[ \t]*=.*/, "", t); return t
	}
	t = trim(s)
	if (f == "hba") return hbakey(t)
	if (f == "ini" || f == "key=value") {
		i = index(t, "=")
		if (f == "ini" && (i == 0 || (index(t, ":") > 0 && index(t, ":") < i))) i = index(t, ":")
		if (i <= 1) return ""
		t = trim(substr(t, 1, i - 1)); return iskey(t) ? t : ""
	}
	if ((f == "nginx" || f == "apt") && (t !~ /;$/ || t ~ /[{}]/)) return ""
	if (f == "apache" && t ~ /^</) return ""
	i = match(t, /[ \t]/)
	if (i <= 1 || trim(substr(t, i)) == "") return ""
	t = substr(t, 1, i - 1)
	return iskey(t) && (f == "apt" || t !~ /[=:]/) ? t : ""
}
# hbakey returns what a pg_hba.conf record matches: type, database,
# user and, for host records, address (and mask), "" for no record.
function hbakey(t,   a, n, k) {
	n = split(t, a, /[ \t]+/)
	if (a[1] == "local" && n >= 4) return a[1] " " a[2] " " a[3]
	if (a[1] !~ /^host(ssl|nossl|gssenc|nogssenc)?$/ || n < 5) return ""
	k = a[1] " " a[2] " " a[3] " " a[4]
	if (a[4] !~ /\// && n >= 6 && a[5] ~ /^[0-9a-f.:]+$/ && a[5] ~ /[.:]/) k = k " " a[5]
	return k
}
# uncomment returns a commented-out line without its comment sign.
function uncomment(s, f,   t) {
	t = s; sub(/^[ \t]*[#;]+/, "", t)
	if (f == "python") sub(/^ */, "", t); else sub(/^[ \t]*/, "", t)
	return t
}
# depth returns how many brackets a line of Python opens, less those it
# closes, outside strings and comments.
function depth(s,   d, i, c, q) {
	d = 0; q = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (q != "") { if (c == "\\") i++; else if (c == q) q = ""; continue }
		if (c == "#") break
		if (c == "\047" || c == "\042") q = c
		else if (c ~ /[([{]/) d++
		else if (c ~ /[)\]}]/) d--
	}
	return d
}
function section(s,   t) {
	t = trim(s)
	if (fmt == "ini" && t ~ /^\[.*\]$/) return substr(t, 2, length(t) - 2)
	return "\001"
}
{ line[NR] = $0 }
END {
	fmt = ENVIRON["TFMT"]
	ne = 0
	while ((getline l < ENVIRON["TSPEC"]) > 0) {
		split(l, p, "\t"); ne++; esec[ne] = p[1]; ekey[ne] = p[2]; ecnt[ne] = p[3] + 0
	}
	nv = 0
	while ((getline l < ENVIRON["TVAL"]) > 0) val[++nv] = l
	v = 1
	for (k = 1; k <= ne; k++) { efirst[k] = v; v += ecnt[k]; found[k] = 0; comm[k] = 0 }
	cur = ""
	for (i = 1; i <= NR; i++) {
		s = section(line[i])
		if (s != "\001") { cur = s; secat[cur] = i; continue }
		kk = keyof(line[i], fmt)
		for (k = 1; k <= ne; k++) {
			if (esec[k] != cur) {
				# a key of no section, in a section: where it is set when
				# the top level does not set it
				if (fmt == "ini" && esec[k] == "" && cur != "") {
					if (kk == ekey[k]) {
						anyn[k]++; anyat[k] = i
						if (!(k in anysec)) anysec[k] = cur; else if (anysec[k] != cur) anymany[k] = 1
					} else if (trim(line[i]) ~ /^[#;]/ && keyof(uncomment(line[i], fmt), fmt) == ekey[k]) {
						if (!anycomm[k]) { anycomm[k] = i; anycsec[k] = cur } else if (anycsec[k] != cur) anycmany[k] = 1
					}
				}
				continue
			}
			if (kk == ekey[k]) {
				found[k]++; at[k] = i; span[k] = 1
				if (fmt == "python") {
					d = depth(line[i]); j = i
					while ((d > 0 || line[j] ~ /\\$/) && j < NR) { j++; d += depth(line[j]) }
					span[k] = j - i + 1
				}
			} else if (!comm[k] && trim(line[i]) ~ /^[#;]/ && keyof(uncomment(line[i], fmt), fmt) == ekey[k]) {
				comm[k] = i
			}
		}
		if (cur != "" || fmt != "ini") last[cur] = i
		if (trim(line[i]) != "") lastset[cur] = i
	}
	for (k = 1; k <= ne; k++) {
		if (found[k] || comm[k] || esec[k] != "" || fmt != "ini") continue
		if (anyn[k] > 0) {
			if (anymany[k]) { print ekey[k] > "/dev/stderr"; exit 6 }
			found[k] = anyn[k]; at[k] = anyat[k]; span[k] = 1
		} else if (anycomm[k]) {
			if (anycmany[k]) { print ekey[k] > "/dev/stderr"; exit 6 }
			comm[k] = anycomm[k]
		}
	}
	for (k = 1; k <= ne; k++) {
		if (found[k] > 1) { print ekey[k] > "/dev/stderr"; exit 3 }
		if (!found[k] && comm[k]) { found[k] = 1; at[k] = comm[k]; span[k] = 1 }
		if (!found[k] && (fmt == "nginx" || fmt == "apache")) { print ekey[k] > "/dev/stderr"; exit 5 }
		if (found[k]) { repl[at[k]] = k; for (j = at[k] + 1; j < at[k] + span[k]; j++) skip[j] = 1 }
		else if (esec[k] != "" && (esec[k] in secat)) { add[lastin(esec[k])] = add[lastin(esec[k])] " " k }
		else if (esec[k] == "") { addtop = addtop " " k }
		else { newsec[esec[k]] = newsec[esec[k]] " " k; if (!(esec[k] in order)) { order[esec[k]] = ++nsec; secname[nsec] = esec[k] } }
	}
	topend = NR
	if (fmt == "ini") { topend = 0; for (i = 1; i <= NR; i++) { if (section(line[i]) != "\001") break; if (trim(line[i]) != "") topend = i } }
	if (topend == 0 && addtop != "") emit(addtop, "")
	for (i = 1; i <= NR; i++) {
		if (i in repl) put(repl[i], line[i])
		else if (!(i in skip)) print line[i]
		if (i in add) emit(add[i], "")
		if (i == topend && addtop != "") emit(addtop, "")
	}
	for (n = 1; n <= nsec; n++) {
		if (NR > 0 || n > 1) print ""
		print "[" secname[n] "]"
		emit(newsec[secname[n]], "")
	}
	exit 0
}
# lastin returns the last line of section s that is not blank (its
# header for an empty one).
function lastin(s,   i, r) {
	r = secat[s]
	for (i = secat[s] + 1; i <= NR && section(line[i]) == "\001"; i++) if (trim(line[i]) != "") r = i
	return r
}
# put prints setting k in place of line old, with its indentation.
function put(k, old,   ind, j, l) {
	ind = old; sub(/[^ \t].*$/, "", ind)
	for (j = efirst[k]; j < efirst[k] + ecnt[k]; j++) {
		l = val[j]
		if (l != "" && l !~ /^[ \t]/) l = ind l
		print l
	}
}
# emit prints the settings whose numbers list holds.
function emit(list, old,   n, a, i) {
	n = split(list, a, " ")
	for (i = 1; i <= n; i++) put(a[i], old)
}
`
