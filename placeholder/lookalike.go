package placeholder

import (
	"hash/maphash"
	"slices"
	"strings"
)

// Lookalikes finds, among a set of names, those for which Similar may
// hold with a given name, without comparing every pair: the names are
// indexed by their upper-case form, by their core (without filler words)
// and by the forms of their digitless upper-case spelling with as many
// bytes deleted as Similar allows edits (two names within that many edits
// share one such form). Building and querying it take time that grows
// with the number of names.
//
// Where very many names share one key (thousands of names alike but for
// a word or a letter), only the first maxShared of them in the order
// given are candidates for that key. A Lookalikes is safe for concurrent
// reads.
type Lookalikes struct {
	names []string
	keys  map[string][]int32 // "u:"+upper, "c:"+core -> names
	forms map[string]int32   // digitless upper form -> group
	group [][]int32          // group -> names with that form
	near  [][]int32          // group -> groups sharing a deleted form
}

// maxShared bounds the names one key gives as candidates.
const maxShared = 32

// NewLookalikes indexes names, in the order of preference of the caller:
// where a key is shared by more than maxShared names, the first ones are
// kept.
func NewLookalikes(names []string) *Lookalikes {
	l := &Lookalikes{names: names, keys: map[string][]int32{}, forms: map[string]int32{}}
	longest := []int{} // group -> longest upper-case name
	for i, n := range names {
		u := strings.ToUpper(n)
		l.add("u:"+u, i)
		if c := core(u); c != "" {
			l.add("c:"+c, i)
		}
		if len(u) > maxEdited || similarEdits(len(u)) == 0 {
			continue
		}
		d := noDigits(u)
		g, ok := l.forms[d]
		if !ok {
			g = int32(len(l.group))
			l.forms[d] = g
			l.group = append(l.group, nil)
			longest = append(longest, 0)
		}
		l.group[g] = append(l.group[g], int32(i))
		longest[g] = max(longest[g], len(u))
	}
	// every form with up to k bytes deleted, as a hash and its group;
	// equal hashes side by side once sorted
	type entry struct {
		h uint64
		g int32
	}
	seed := maphash.MakeSeed()
	var all []entry
	forms := make([]string, len(l.group))
	for d, g := range l.forms {
		forms[g] = d
	}
	for g, d := range forms {
		k := similarEdits(longest[g])
		seen := map[uint64]bool{}
		deletions(d, k, func(v string) {
			h := maphash.String(seed, v)
			if !seen[h] {
				seen[h] = true
				all = append(all, entry{h, int32(g)})
			}
		})
	}
	slices.SortFunc(all, func(a, b entry) int {
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.g - b.g)
	})
	l.near = make([][]int32, len(l.group))
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].h == all[i].h {
			j++
		}
		run := all[i:min(j, i+maxShared)]
		for _, a := range run {
			for _, b := range run {
				if a.g != b.g {
					l.near[a.g] = append(l.near[a.g], b.g)
				}
			}
		}
		i = j
	}
	for g := range l.near {
		slices.Sort(l.near[g])
		l.near[g] = slices.Compact(l.near[g])
	}
	return l
}

func (l *Lookalikes) add(key string, i int) {
	if s := l.keys[key]; len(s) < maxShared {
		l.keys[key] = append(s, int32(i))
	}
}

// deletions calls fn with s and every string made by deleting up to k
// of its bytes (some more than once).
func deletions(s string, k int, fn func(string)) {
	fn(s)
	if k == 0 {
		return
	}
	for i := 0; i < len(s); i++ {
		deletions(s[:i]+s[i+1:], k-1, fn)
	}
}

// Candidates calls fn with every indexed name, other than name, that may
// be Similar to it, each once, in the order they were given.
func (l *Lookalikes) Candidates(name string, fn func(string)) {
	var idx []int32
	u := strings.ToUpper(name)
	idx = append(idx, l.keys["u:"+u]...)
	if c := core(u); c != "" {
		idx = append(idx, l.keys["c:"+c]...)
	}
	if g, ok := l.forms[noDigits(u)]; ok {
		for _, h := range l.near[g] {
			members := l.group[h]
			idx = append(idx, members[:min(len(members), maxShared)]...)
		}
	}
	slices.Sort(idx)
	for _, i := range slices.Compact(idx) {
		if n := l.names[i]; n != name {
			fn(n)
		}
	}
}
