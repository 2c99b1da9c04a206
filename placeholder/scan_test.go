package placeholder

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// benchTexts are a page of prose with a value now and then, and a file
// dense with values and shell variables.
var benchTexts = func() map[string]string {
	var prose, dense strings.Builder
	for i := 0; prose.Len() < 1<<20; i++ {
		fmt.Fprintf(&prose, "The service answers for $NAME_%d and keeps its data under the directory that the package made; restart it when the settings change. ", i%50)
	}
	for i := 0; dense.Len() < 1<<20; i++ {
		fmt.Fprintf(&dense, "k%d = ${NAME_%d}/$NAME_%d $$ $1 $home \"$HOST\"\n", i, i%50, i%7)
	}
	return map[string]string{"prose": prose.String(), "dense": dense.String()}
}()

func BenchmarkScan(b *testing.B) {
	for _, name := range []string{"prose", "dense"} {
		s := benchTexts[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for i := 0; i < b.N; i++ {
				Scan(s)
			}
		})
	}
}

func BenchmarkReplace(b *testing.B) {
	for _, name := range []string{"prose", "dense"} {
		s := benchTexts[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				Replace(s, func(r Ref) (string, bool) { return "value", r.Name != "HOST" })
			}
		})
	}
}

// scanEachByte is the scan that looks at every byte, kept to check that
// jumping between dollar signs finds the same references.
func scanEachByte(s string) (upper, lower []Ref) {
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			continue
		}
		if s[i+1] == '$' {
			i++
			continue
		}
		if end := opaqueEnd(s, i); end > i {
			i = end - 1
			continue
		}
		r, ok := refAt(s, i)
		if !ok {
			continue
		}
		switch c := r.Name[0]; {
		case c >= 'A' && c <= 'Z':
			upper = append(upper, r)
		case c >= 'a' && c <= 'z':
			lower = append(lower, r)
		}
		i = r.End - 1
	}
	return upper, lower
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"noreply@$DOMAIN", "${A}_$B.c $$D $1 $ ", "root:$6$Salt$Hash0./ $X", "{SHA512-CRYPT}$6$R$X u=$U", "$a ${b} ${C:-x} $"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		upper, lower := scanEachByte(s)
		if got := Scan(s); !reflect.DeepEqual(got, upper) {
			t.Errorf("Scan(%q) = %+v, want %+v", s, got, upper)
		}
		if got := ScanLower(s); !reflect.DeepEqual(got, lower) {
			t.Errorf("ScanLower(%q) = %+v, want %+v", s, got, lower)
		}
		// every other reference replaced, by text with dollars of its
		// own, empty, as long as the name or longer: the result is sized
		// as it is written
		value := func(k int, r Ref) string { return strings.Repeat("<$"+r.Name+">", k%5) }
		var b strings.Builder
		last := 0
		for k, r := range upper {
			if k%2 == 0 {
				b.WriteString(s[last:r.Start] + value(k, r))
				last = r.End
			}
		}
		b.WriteString(s[last:])
		k := 0
		got := Replace(s, func(r Ref) (string, bool) {
			k++
			return value(k-1, r), k%2 == 1
		})
		if got != b.String() {
			t.Errorf("Replace(%q) = %q, want %q", s, got, b.String())
		}
	})
}
