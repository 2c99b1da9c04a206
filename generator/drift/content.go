package drift

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/afero"

	"github.com/tailordocs/tailor/internal/fserr"
	"github.com/tailordocs/tailor/internal/limit"
	"github.com/tailordocs/tailor/internal/linediff"
	"github.com/tailordocs/tailor/snippets/manifest"
	"github.com/tailordocs/tailor/snippets/tree"
)

// maxShown bounds the files whose lines a drift shows: a bigger one is
// compared as it is read, never held whole in memory.
const maxShown = 1 << 20

// contentDrift compares what a file or fragment holds with the build.
func contentDrift(b *Build, m *manifest.Manifest, f manifest.File, sys afero.Fs, real string) []Drift {
	file, err := sys.Open(real)
	if err != nil {
		return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
	}
	defer file.Close()
	switch f.Kind {
	case manifest.KindEdit:
		return editDrift(b, f, file)
	case manifest.KindFragment:
		return blockDrift(b, m, f, file)
	}
	want := b.Files["rootfs"+f.Path]
	same, have, err := compareContent(file, want)
	if err != nil {
		return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
	}
	if same {
		return nil
	}
	d := Drift{Path: f.Path, What: "content", Secret: f.Secret}
	switch {
	case f.Secret:
	case have == nil:
		d.Lines = []string{fmt.Sprintf("(the file is larger than %s: too large to compare line by line)", limit.Size(maxShown))}
	default:
		d.Lines = linediff.Lines(string(want), string(have))
	}
	return []Drift{d}
}

// blockDrift compares the block that install.sh merges into a file
// with the fragment of the build.
func blockDrift(b *Build, m *manifest.Manifest, f manifest.File, file afero.File) []Drift {
	want := b.Files["fragments"+f.Path]
	begin, end := manifest.Markers(f.Comment, m.Label())
	block, where, err := findBlock(file, begin, end, len(want)+maxShown)
	unnamed := false
	if err == nil && where == blockMissing && m.Label() != "" {
		// the one block an earlier install.sh merged, which install.sh
		// takes over
		if _, err = file.Seek(0, io.SeekStart); err == nil {
			begin, end = manifest.Markers(f.Comment, "")
			block, where, err = findBlock(file, begin, end, len(want)+maxShown)
			unnamed = where != blockMissing
		}
	}
	if err != nil {
		return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
	}
	if where == blockFound && !unnamed && block != nil && bytes.Equal(block, want) {
		return nil
	}
	d := Drift{Path: f.Path, What: "block", Secret: f.Secret}
	switch {
	case where == blockTwice:
		d.Have = "twice"
	case unnamed && block != nil && bytes.Equal(block, want):
		d.Have = "unnamed"
	case where == blockFound:
		d.Have = "other"
		if unnamed {
			d.Have = "unnamed, other"
		}
		if !f.Secret {
			if block == nil {
				d.Lines = []string{"(the merged block is too large to compare line by line)"}
			} else {
				d.Lines = linediff.Lines(string(want), string(block))
			}
		}
	}
	return []Drift{d}
}

// compareContent reports whether what r reads is want, reading it a
// piece at a time. It returns what it read when that is no more than
// maxShown bytes, else nil.
func compareContent(r io.Reader, want []byte) (bool, []byte, error) {
	var head []byte
	kept, same := true, true
	rest := want
	buf := make([]byte, 64<<10)
	for kept || same {
		n, err := r.Read(buf)
		if same {
			same = n <= len(rest) && bytes.Equal(buf[:n], rest[:n])
			rest = rest[min(n, len(rest)):]
		}
		if kept = kept && len(head)+n <= maxShown; kept {
			head = append(head, buf[:n]...)
		} else {
			head = nil
		}
		if err == io.EOF {
			return same && len(rest) == 0, head, nil
		}
		if err != nil {
			return false, nil, err
		}
	}
	return false, nil, nil // differs, and too big to show
}

// Where a fragment's markers are in a file.
const (
	blockMissing = iota
	blockFound
	blockTwice // install.sh refuses such a file
)

// findBlock returns the lines between the marker line begin and the next
// end (compared without surrounding blanks, as install.sh does), each
// with a line feed (a carriage return before it is not part of the
// line), reading r one line at a time, and whether the markers are
// there once, twice or not at all. block is nil when it holds more than
// max bytes.
func findBlock(r io.Reader, begin, end string, max int) (block []byte, where int, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	in := false
	var b bytes.Buffer
	tooBig := false
	for {
		line, long, err := readLine(br)
		if err != nil && err != io.EOF {
			return nil, blockMissing, err
		}
		t := ""
		if !long {
			t = strings.TrimSpace(string(line))
		}
		switch {
		case !in && t == begin:
			if where == blockFound {
				return nil, blockTwice, nil
			}
			in = true
		case in && t == end:
			in, where = false, blockFound
		case in && (long || b.Len()+len(line)+1 > max):
			tooBig = true
		case in:
			b.Write(bytes.TrimSuffix(line, []byte("\r")))
			b.WriteByte('\n')
		}
		if err == io.EOF {
			break
		}
	}
	if where != blockFound || tooBig {
		return nil, where, nil
	}
	return b.Bytes(), where, nil
}

// readLine reads a line without its line feed. A line longer than the
// reader's buffer is read to its end but returned cut, with long set:
// no marker is that long. At the end of r, err is io.EOF.
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	line, err = br.ReadSlice('\n')
	for err == bufio.ErrBufferFull {
		long = true
		_, err = br.ReadSlice('\n')
	}
	if err == nil {
		line = line[:len(line)-1]
	} else if err == io.EOF && len(line) == 0 && !long {
		return nil, false, io.EOF
	}
	return line, long, err
}

// editDrift compares the settings an edit sets with those the file has:
// each key must be set by the lines the build gives.
func editDrift(b *Build, f manifest.File, file io.Reader) []Drift {
	data, err := io.ReadAll(io.LimitReader(file, maxShown+1))
	if err != nil {
		return []Drift{{Path: f.Path, What: "unreadable", Have: fserr.Why(err)}}
	}
	if len(data) > maxShown {
		return []Drift{{Path: f.Path, What: "unreadable", Have: "larger than " + limit.Size(maxShown) + ", too large to read its settings"}}
	}
	have := strings.Split(strings.TrimSuffix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), "\n")
	want := strings.Split(strings.TrimSuffix(string(b.Files["fragments"+f.Path]), "\n"), "\n")
	var out []Drift
	for _, e := range f.Edits {
		if len(want) < e.Lines {
			break
		}
		lines := want[:e.Lines]
		want = want[e.Lines:]
		got, set, _ := tree.Setting(have, tree.Format(f.Format), e.Section, e.Key)
		if set && sameSetting(got, lines) {
			continue
		}
		d := Drift{Path: f.Path, What: "setting", Want: e.Key, Secret: f.Secret}
		if e.Section != "" {
			d.Want = "[" + e.Section + "] " + e.Key
		}
		if set {
			d.Have = "other"
			if !f.Secret {
				d.Lines = linediff.Lines(strings.Join(lines, "\n")+"\n", strings.Join(got, "\n")+"\n")
			}
		}
		out = append(out, d)
	}
	return out
}

// sameSetting reports whether the lines a file has set a key as the
// build's do, indentation aside.
func sameSetting(have, want []string) bool {
	if len(have) != len(want) {
		return false
	}
	for i := range have {
		if strings.TrimSpace(have[i]) != strings.TrimSpace(want[i]) {
			return false
		}
	}
	return true
}
