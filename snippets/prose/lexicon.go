package prose

import "strings"

// Words is a set of words in lower case.
type Words map[string]bool

// NewWords returns the set of the space-separated words of list.
func NewWords(list string) Words {
	w := Words{}
	for _, f := range strings.Fields(list) {
		w[f] = true
	}
	return w
}

// The lexicon: every word list the rules read. A new word for a meaning
// that a rule already knows goes here.
var (
	// CreateVerbs ask for a new file.
	CreateVerbs = NewWords("create creating")
	// AddVerbs ask to add lines to a file.
	AddVerbs = NewWords("add adding append appending insert inserting")
	// ChangeVerbs ask to change a file.
	ChangeVerbs = NewWords("change changing replace edit modify update overwrite")
	// SaveVerbs ask to put text into a file.
	SaveVerbs = NewWords("save write put paste place store")
	// PlaceVerbs are the saving verbs that also say where in a file
	// ("put these lines at the end of X").
	PlaceVerbs = NewWords("put paste place")
	// OpenVerbs open a file for the sentences that follow.
	OpenVerbs = NewWords("open edit")

	// ObjectWords may follow "add" before its preposition: what is
	// added, not where.
	ObjectWords = NewWords(`following this these the a an line lines snippet statements statement
		settings setting directives directive code text content contents configuration config
		entry entries block options option it something too also two three new section part bit stanza
		whole entire complete`)
	// Determiners are words of little meaning between a verb and its
	// object.
	Determiners = NewWords("a an the new your our my empty following this that these those")
	// FileNouns are words for a file, which make the literal after them
	// a file's name ("the file ``x``", "a script named ``y``").
	FileNouns = NewWords(`file files script config configuration unit service called named site
		timer socket drop-in override vhost template jail playbook snippet`)
	// DirNouns are words for a directory.
	DirNouns = NewWords("directory folder dir directories")
	// GenericNouns say too little to find the file they are about.
	GenericNouns = NewWords("line lines file value values setting it code text command one them entry")
	// CreateFillers may come between "create" and the name of the file.
	CreateFillers = NewWords("following new sample simple small basic minimal empty as named called")
	// PartNouns name a part of a file, which a following "it" then means.
	PartNouns = NewWords("block section line lines directive setting value option entry stanza part")
	// LineNouns are what "the following ..." calls some lines of a file.
	LineNouns = NewWords("line lines setting settings entry entries directive directives option options")
	// BlockNouns name a block of a configuration file ("the server block").
	BlockNouns = NewWords("block section directive container")
	// BlockNounWords name what a block of a file is, when a literal names
	// it ("a `[Peer]` section").
	BlockNounWords = NewWords("block section stanza entry line directive")
	// Negations set the verb after them aside.
	Negations = NewWords("not don't never avoid without no")
	// Prepositions of place for what "add" adds to.
	AddPrepositions = NewWords("to into in inside within of")
	// PlaceWords before "add" say where in a file, not at its end.
	PlaceWords = NewWords("before after above below under within inside beneath")
	// BeforeAfter name an insert next to a line.
	BeforeAfter = NewWords("before above after below")
	// SummaryWords in a section's title say its blocks restate what the
	// tutorial did.
	SummaryWords = []string{"summary", "recap", "cheat sheet", "cheatsheet", "in short", "tl;dr"}
	// WholeAdjectives say a block is all of a file as it ends up.
	WholeAdjectives = NewWords("final finished complete completed resulting entire whole full")
	// ShellAsks are words of a sentence about a step in the shell, not in
	// an editor.
	ShellAsks = NewWords("command commands output terminal run execute prompt")
	// PasteVerbs ask to put text into an open editor whatever it looks
	// like.
	PasteVerbs = NewWords("add paste put insert append adding pasting")
	// TypeVerbs ask to type text, which may be a command.
	TypeVerbs = NewWords("enter type copy write")
	// ExplainStops are words of a sentence that asks for something of
	// its own, so that it does not only explain the one before.
	ExplainStops = NewWords(`run execute type enter command commands output restart reload check
		test see verify save close exit instead otherwise example instance`)
	// ContinueWords say the text goes on with the file before ("too",
	// "also").
	ContinueWords = NewWords("too also more another additional further well")
	// ChoiceOpeners start a sentence that offers a step as a choice.
	ChoiceOpeners = NewWords("if optionally alternatively should whenever")
	// EditInPlaceVerbs ask to change some lines where they are.
	EditInPlaceVerbs = NewWords("uncomment find locate search")
	// EditObjects are what an in-place change is about.
	EditObjects = NewWords("line lines value setting it")
)

// ProcedureTitles are phrases of a section's title that make its steps a
// procedure apart from the configuration the tutorial builds: recovery,
// rollback, upgrade, troubleshooting.
var ProcedureTitles = NewPhrases(
	"troubleshoot", "troubleshooting", "recovery", "recover", "recovering", "restore", "restoring",
	"rollback", "roll back", "rolling back", "upgrade", "upgrading", "uninstall", "uninstalling",
	"locked out", "goes wrong", "go wrong", "went wrong", "debugging", "disaster", "revert", "reverting",
	"start over", "starting over", "downgrade", "downgrading",
)

// FileNames are names of well-known files without an extension, which an
// inline literal names as a file by itself ("`sshd_config`").
var FileNames = NewWords(`sshd_config ssh_config fstab crontab sudoers mailname hostname environment
	authorized_keys known_hosts 50unattended-upgrades 20auto-upgrades`)

// abbreviations end with a period that does not end a sentence.
var abbreviations = NewWords("e.g. i.e. etc. vs. cf.")

// NegativeCues are phrases that make a block an example, an excerpt,
// output, something to remove, or lines for another machine: no file of
// the server's.
var NegativeCues = NewPhrases(
	"among others", "for example", "e.g.", "an example", "for instance", "excerpt",
	"something like", "will look like", "would look like", "might look like",
	"you will see", "you should see", "will show", "the output", "it prints",
	"remove it", "delete it", "remove them", "delete them", "comment out",
	// a part of a file, not all of it
	"relevant part", "relevant parts", "relevant section", "relevant portion", "relevant lines", "portion of",
	// another machine than the server
	"on the client", "on your client", "on your local machine", "on your laptop", "on your workstation", "on your computer",
)
