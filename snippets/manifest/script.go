package manifest

// The fixed parts of install.sh. InstallScript writes, between them, one
// call per entry of the manifest.

const scriptHead = `#
# Installs the files of rootfs/ and fragments/ (the directories beside this
# script) onto this system, or under DIR with --root. It checks everything
# before it changes anything, prints one line per change, and changes
# nothing when run again.
#
# usage: sh install.sh [--root DIR] [--dry-run] [--help]

set -eu
umask 022
unset CDPATH
PROG=install.sh

usage() {
	printf '%s\n' \
		"usage: $PROG [--root DIR] [--dry-run] [--help]" \
		"  --root DIR  install under DIR instead of / (for images and tests)" \
		"  --dry-run   print what would change, change nothing" \
		"  --help      print this help"
}

ROOT=
ROOT_SET=
DRY=
while [ "$#" -gt 0 ]; do
	case $1 in
	--root)
		if [ "$#" -lt 2 ]; then
			printf '%s: --root needs a directory\n' "$PROG" >&2
			usage >&2
			exit 2
		fi
		ROOT=$2
		ROOT_SET=1
		shift 2
		;;
	--root=*)
		ROOT=${1#--root=}
		ROOT_SET=1
		shift
		;;
	--dry-run | -n)
		DRY=1
		shift
		;;
	--help | -h)
		usage
		exit 0
		;;
	*)
		printf '%s: unknown option %s\n' "$PROG" "$1" >&2
		usage >&2
		exit 2
		;;
	esac
done

if [ -n "$ROOT_SET" ] && [ -z "$ROOT" ]; then
	# An empty --root "$DIR" must not mean the system's root.
	printf '%s: --root needs a directory\n' "$PROG" >&2
	usage >&2
	exit 2
fi

die() {
	printf '%s: %s\n' "$PROG" "$*" >&2
	exit 1
}

# resolve PATH [ROOT]: sets RESOLVED to PATH with the symbolic links that
# end it followed (those of its directories stay), or to nothing when
# they loop. Under ROOT, an absolute link names a place under ROOT, as it
# will on the system the root is for (sites-enabled/default ->
# /etc/nginx/sites-available/default in an image).
resolve() {
	RESOLVED=$1
	rs_root=${2-}
	rs_n=0
	while [ -L "$RESOLVED" ]; do
		rs_n=$((rs_n + 1))
		if [ "$rs_n" -gt 40 ]; then
			RESOLVED=
			return 0
		fi
		rs_t=$(readlink "$RESOLVED" && printf x)
		rs_t=${rs_t%?x}
		case $rs_t in
		/*) RESOLVED=$rs_root$rs_t ;;
		*)
			case $RESOLVED in
			*/*) RESOLVED=${RESOLVED%/*}/$rs_t ;;
			*) RESOLVED=$rs_t ;;
			esac
			;;
		esac
	done
}

if [ -n "$ROOT" ]; then
	case $ROOT in
	-*) ROOT=./$ROOT ;; # not an option of cd
	esac
	[ -d "$ROOT" ] || die "--root $ROOT: no such directory"
	# the x keeps a name that ends in a line break whole
	ROOT=$(cd -P "$ROOT" && pwd -P && printf x)
	ROOT=${ROOT%?x}
	case $ROOT in
	*"
") die "--root: a directory whose name ends in a line break is not supported" ;;
	esac
	if [ "$ROOT" = / ]; then
		ROOT=
	fi
fi
# rootfs/ and fragments/ are beside the script, not beside a link to it.
resolve "$0"
SELF=${RESOLVED:-$0}
case $SELF in
*/*) HERE=${SELF%/*} ;;
*) HERE=. ;;
esac
HERE=$(cd "$HERE" && pwd)
IS_ROOT=
if [ "$(id -u)" = 0 ]; then
	IS_ROOT=1
fi
CHANGED=0
ERRORS=0
MISSING_IDS=0
NOSUM=
HAS_OWNERS=
BACKUPS=/var/backups/tailor
WORK=$(mktemp -d 2>/dev/null) || WORK=
if [ -z "$WORK" ]; then
	WORK=${TMPDIR:-/tmp}/tailor-install.$$
	(umask 077 && mkdir "$WORK") || die "cannot make a work directory $WORK"
fi
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# fail MESSAGE: reports a problem found by the checks.
fail() {
	printf '%s: %s\n' "$PROG" "$*" >&2
	ERRORS=$((ERRORS + 1))
}

# say MESSAGE: reports a change.
say() {
	CHANGED=$((CHANGED + 1))
	if [ -n "$DRY" ]; then
		printf 'dry run: %s\n' "$*"
	else
		printf '%s\n' "$*"
	fi
}

# sum_of FILE: the hex SHA-256 digest of FILE, or nothing without a tool.
sum_of() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum <"$1" | cut -d ' ' -f 1
	elif command -v shasum >/dev/null 2>&1; then
		shasum -a 256 <"$1" | cut -d ' ' -f 1
	elif command -v openssl >/dev/null 2>&1; then
		openssl dgst -sha256 <"$1" | sed 's/^.* //'
	fi
}

# id_db passwd|group: the file that names users or groups, or nothing for
# the host's name service.
id_db() {
	if [ -n "$ROOT" ] && { [ -e "$ROOT/etc/$1" ] || [ -L "$ROOT/etc/$1" ]; }; then
		if in_root "$ROOT/etc/$1"; then
			printf '%s\n' "$RESOLVED"
		else
			printf '%s\n' /dev/null # check_db says why
		fi
	elif ! command -v getent >/dev/null 2>&1; then
		printf '%s\n' "/etc/$1"
	fi
}

# in_root FULLPATH: whether FULLPATH, its last links followed as under
# the root, is a file under the root; RESOLVED is where.
in_root() {
	resolve "$1" "$ROOT"
	[ -n "$RESOLVED" ] && [ -f "$RESOLVED" ] || return 1
	ir_d=$(cd -P "${RESOLVED%/*}" 2>/dev/null && pwd -P && printf x) || return 1
	ir_d=${ir_d%?x}
	case $ir_d/ in
	"$ROOT"/*) return 0 ;;
	esac
	return 1
}

# check_db passwd|group: with --root, the root's etc/passwd or etc/group,
# when there is one, is a file under the root.
check_db() {
	if [ -n "$ROOT" ] && { [ -e "$ROOT/etc/$1" ] || [ -L "$ROOT/etc/$1" ]; } && ! in_root "$ROOT/etc/$1"; then
		fail "/etc/$1 in $ROOT is no file of the root (a symbolic link out of it?): users and groups cannot be looked up"
	fi
}

# id_of passwd|group NAME: the numeric id of a user or group, or nothing.
id_of() {
	case $2 in
	'' | *[!0-9]*) ;;
	*)
		printf '%s\n' "$2"
		return 0
		;;
	esac
	id_of_db=$(id_db "$1")
	if [ -n "$id_of_db" ]; then
		# shellcheck disable=SC2016 # awk's $1
		awk -F: -v n="$2" '$1 == n { print $3; exit }' "$id_of_db"
	else
		getent "$1" "$2" | cut -d : -f 3
	fi
}

# attrs_of FILE: "MODE UID GID" of FILE, the mode in four octal digits.
attrs_of() {
	# shellcheck disable=SC2012,SC2016 # ls -n is the portable way; awk's $1
	ls -ldnL "$1" | awk 'NR == 1 {
		p = $1; m = 0
		if (substr(p, 2, 1) == "r") m += 256
		if (substr(p, 3, 1) == "w") m += 128
		c = substr(p, 4, 1); if (c == "x" || c == "s") m += 64; if (c == "s" || c == "S") m += 2048
		if (substr(p, 5, 1) == "r") m += 32
		if (substr(p, 6, 1) == "w") m += 16
		c = substr(p, 7, 1); if (c == "x" || c == "s") m += 8; if (c == "s" || c == "S") m += 1024
		if (substr(p, 8, 1) == "r") m += 4
		if (substr(p, 9, 1) == "w") m += 2
		c = substr(p, 10, 1); if (c == "x" || c == "t") m += 1; if (c == "t" || c == "T") m += 512
		printf "%04o %s %s\n", m, $3, $4
	}'
}

# desc MODE OWNER GROUP: "(0640 root:postfix)" for messages.
desc() {
	desc_s=$1
	if [ -n "$2$3" ]; then
		desc_s="$desc_s $2"
		if [ -n "$3" ]; then
			desc_s="$desc_s:$3"
		fi
	fi
	desc_s=${desc_s# }
	if [ -n "$desc_s" ]; then
		printf '(%s)' "$desc_s"
	fi
}

# check_source rootfs|fragments PATH SHA256: the file to install is beside
# the script, unchanged.
check_source() {
	cs_f=$HERE/$1$2
	if [ ! -f "$cs_f" ]; then
		fail "missing $1$2 beside $PROG (needed for $2)"
		return 0
	fi
	cs_sum=$(sum_of "$cs_f")
	if [ -z "$cs_sum" ]; then
		NOSUM=1
	elif [ "$cs_sum" != "$3" ]; then
		fail "$1$2: sha256 is not the one in the manifest (changed after tailor made it?)"
	fi
}

# at PATH: sets AT to where PATH is under the root, the links that end it
# followed as the system the root is for would.
at() {
	resolve "$ROOT$1" "$ROOT"
	AT=${RESOLVED:-$ROOT$1}
}

# check_dir PATH: nothing but a directory is at PATH.
check_dir() {
	at "$1"
	if [ -e "$AT" ] && [ ! -d "$AT" ]; then
		fail "$1 is not a directory (a directory is needed there)"
	elif [ -L "$ROOT$1" ] && [ ! -e "$AT" ]; then
		fail "$1 is a symbolic link to nothing (a directory is needed there)"
	fi
}

# check_inside PATH dir|file|link: the symbolic links on PATH can be
# followed: they do not loop, and a file at a link goes into a directory
# that exists (a file is written through a link at its own path, a link
# replaces one). With --root, what is written at PATH stays under the
# root: an absolute link at PATH names a place under the root, as on the
# system the root is for; a link among its directories is followed on
# this system, so an absolute one, or one that climbs with "..", must
# not lead out of the root.
check_inside() {
	if [ -n "$ROOT" ]; then
		# the directories on the way: the kernel follows their links on
		# this system, so an absolute one or one to nothing is refused
		ci_rest=${1#/}
		ci_cur=$ROOT
		while [ -n "$ci_rest" ]; do
			ci_cur=$ci_cur/${ci_rest%%/*}
			case $ci_rest in
			*/*) ci_rest=${ci_rest#*/} ;;
			*) break ;;
			esac
			if [ -L "$ci_cur" ]; then
				ci_t=$(readlink "$ci_cur" && printf x)
				ci_t=${ci_t%?x}
				case $ci_t in
				/*)
					fail "$1: ${ci_cur#"$ROOT"} is an absolute symbolic link, which this system would follow out of $ROOT"
					return 0
					;;
				esac
				if [ ! -e "$ci_cur" ]; then
					fail "$1: ${ci_cur#"$ROOT"} is a symbolic link to nothing"
					return 0
				fi
			elif [ ! -e "$ci_cur" ]; then
				break
			fi
		done
	fi
	ci_p=$ROOT$1
	if [ "$2" != link ]; then
		resolve "$ci_p" "$ROOT"
		if [ -z "$RESOLVED" ]; then
			fail "$1: too many levels of symbolic links"
			return 0
		fi
		ci_p=$RESOLVED
	fi
	if [ -n "$ROOT" ]; then
		ci_d=$ci_p
		if [ "$2" != dir ]; then
			ci_d=${ci_d%/*}
		fi
		while [ -n "$ci_d" ] && [ ! -d "$ci_d" ]; do
			ci_d=${ci_d%/*}
		done
		ci_d=$(cd -P "${ci_d:-/}" 2>/dev/null && pwd -P) || ci_d=
		case $ci_d/ in
		"$ROOT"/*) ;;
		*)
			fail "$1 leads out of $ROOT through a symbolic link (refused with --root)"
			return 0
			;;
		esac
	fi
	if [ "$2" = file ] && [ "$ci_p" != "$ROOT$1" ]; then
		if [ ! -d "${ci_p%/*}" ]; then
			fail "$1 is a symbolic link into a directory that does not exist"
		elif [ -d "$ci_p" ]; then
			fail "$1 is a symbolic link to a directory (a file is needed there)"
		fi
	fi
}

# check_backups PATH: a backup of PATH can be made under $BACKUPS: no file
# or link to nothing stands on the way, and with --root no link leads out.
check_backups() {
	cb_d=$BACKUPS${1%/*}
	cb_p=
	cb_rest=${cb_d#/}
	while [ -n "$cb_rest" ]; do
		cb_p=$cb_p/${cb_rest%%/*}
		case $cb_rest in
		*/*) cb_rest=${cb_rest#*/} ;;
		*) cb_rest= ;;
		esac
		if [ -L "$ROOT$cb_p" ] && [ ! -e "$ROOT$cb_p" ]; then
			fail "$cb_p is a symbolic link to nothing, where backups go"
			return 0
		elif [ -e "$ROOT$cb_p" ] && [ ! -d "$ROOT$cb_p" ]; then
			fail "$cb_p is not a directory, where backups go"
			return 0
		fi
	done
	check_inside "$BACKUPS$1" link # a link there is never followed
}

# check_not_dir PATH: no directory is at PATH, where a file or link goes.
check_not_dir() {
	if [ -d "$ROOT$1" ] && [ ! -L "$ROOT$1" ]; then
		fail "$1 is a directory (a file or link is needed there)"
	fi
}

# check_kind PATH file|link: no named pipe, socket or device is where a
# file goes (the links that end PATH followed) or where a link goes:
# reading it to compare or back it up would wait forever, or never end.
check_kind() {
	ck_p=$ROOT$1
	if [ "$2" = file ]; then
		resolve "$ck_p" "$ROOT"
		ck_p=${RESOLVED:-$ck_p}
	elif [ -L "$ck_p" ]; then
		return 0 # a link is replaced, never read
	fi
	if [ -L "$ck_p" ]; then
		return 0 # a loop: check_inside says so
	elif [ -p "$ck_p" ]; then
		fail "$1 is a named pipe (a $2 is needed there)"
	elif [ -S "$ck_p" ]; then
		fail "$1 is a socket (a $2 is needed there)"
	elif [ -b "$ck_p" ] || [ -c "$ck_p" ]; then
		fail "$1 is a device (a $2 is needed there)"
	fi
}

# check_id passwd|group user|group NAME PATH: the user or group exists.
# A dry run goes on without them, to show what it would do.
check_id() {
	if [ -z "$(id_of "$1" "$3")" ]; then
		ci_db=$(id_db "$1")
		if [ "$ci_db" = /dev/null ]; then
			return 0 # check_db says why
		fi
		if [ -n "$DRY" ]; then
			printf '%s: %s\n' "$PROG" "$2 \"$3\" does not exist${ci_db:+ in $ci_db} (needed by $4)" >&2
			MISSING_IDS=$((MISSING_IDS + 1))
		else
			fail "$2 \"$3\" does not exist${ci_db:+ in $ci_db} (needed by $4)"
		fi
	fi
}

# MERGE_AWK merges the fragment ENVIRON["TF"] into the file it reads,
# between the marker lines ENVIRON["TB"] and ENVIRON["TE"]: in place of an
# earlier merge, else in place of the one block between the markers that
# name nothing, ENVIRON["TOB"] and ENVIRON["TOE"] (an earlier install.sh
# wrote those), else before the first line equal to ENVIRON["TBEF"] or
# after the first equal to ENVIRON["TAFT"] (compared without surrounding
# blanks), else at the end. The lines it adds end as the file's first
# line does, CRLF or LF. Exit status 3: anchor not found (merged at the
# end); 4: a BEGIN marker without its END; 5: two BEGIN markers; 6: the
# block between the unnamed markers replaced; 7: two unnamed BEGIN
# markers; 8: an unnamed BEGIN marker without its END.
# shellcheck disable=SC2016 # awk's $0, not the shell's
MERGE_AWK='
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t\r]+$/, "", s); return s }
function block(  j) { print b cr; for (j = 1; j <= n; j++) print frag[j] cr; print e cr }
{ line[NR] = $0 }
END {
	b = ENVIRON["TB"]; e = ENVIRON["TE"]
	cr = ""
	if (NR > 0 && line[1] ~ /\r$/) cr = "\r"
	n = 0
	while ((getline l < ENVIRON["TF"]) > 0) frag[++n] = l
	close(ENVIRON["TF"])
	bi = 0; ei = 0; old = 0; ee = e
	for (i = 1; i <= NR; i++) if (trim(line[i]) == b) { if (bi) exit 5; bi = i }
	if (!bi && ENVIRON["TOB"] != "") {
		for (i = 1; i <= NR; i++) if (trim(line[i]) == ENVIRON["TOB"]) { if (bi) exit 7; bi = i }
		old = 1; ee = ENVIRON["TOE"]
	}
	if (bi) {
		for (i = bi + 1; i <= NR; i++) if (trim(line[i]) == ee) { ei = i; break }
		if (!ei) exit (old ? 8 : 4)
		for (i = 1; i < bi; i++) print line[i]
		block()
		for (i = ei + 1; i <= NR; i++) print line[i]
		exit (old ? 6 : 0)
	}
	at = 0; where = ""
	if (ENVIRON["TBEF"] != "") { a = trim(ENVIRON["TBEF"]); where = "before" }
	else if (ENVIRON["TAFT"] != "") { a = trim(ENVIRON["TAFT"]); where = "after" }
	if (where != "") for (i = 1; i <= NR; i++) if (trim(line[i]) == a) { at = i; break }
	for (i = 1; i <= NR; i++) {
		if (i == at && where == "before") block()
		print line[i]
		if (i == at && where == "after") block()
	}
	if (!at) block()
	if (where != "" && !at) exit 3
	exit 0
}'

# prepare_fragment N PATH BEGIN END BEFORE AFTER OLDBEGIN OLDEND: computes
# the merged file into the work directory. OLDBEGIN and OLDEND are the
# markers of an earlier install.sh, which named no project: the one block
# between them becomes this one (merge_fragment keeps a backup).
prepare_fragment() {
	if [ "$ERRORS" -gt 0 ]; then
		return 0 # refused already: nothing to read
	fi
	at "$2"
	pf_in=$AT
	if [ ! -f "$pf_in" ]; then
		pf_in=/dev/null
	fi
	pf_rc=0
	TB=$3 TE=$4 TF=$HERE/fragments$2 TBEF=$5 TAFT=$6 TOB=$7 TOE=$8 \
		awk "$MERGE_AWK" "$pf_in" >"$WORK/merge.$1" || pf_rc=$?
	case $pf_rc in
	0) ;;
	6) printf '%s: %s: the block between "%s" and "%s", merged by an earlier install.sh, becomes the one between "%s" and "%s"\n' "$PROG" "$2" "$7" "$8" "$3" "$4" >&2 ;;
	3)
		if [ -n "$5" ]; then
			printf '%s: warning: %s has no line "%s": the block goes at the end\n' "$PROG" "$2" "$5" >&2
		else
			printf '%s: warning: %s has no line "%s": the block goes at the end\n' "$PROG" "$2" "$6" >&2
		fi
		;;
	4) fail "$2 has a line \"$3\" without its \"$4\": fix it by hand" ;;
	5) fail "$2 has the line \"$3\" twice: remove one of the two blocks by hand" ;;
	7) fail "$2 has the line \"$7\" of an earlier install.sh more than once, and no \"$3\": mark the block that is this one with \"$3\" and \"$4\" by hand" ;;
	8) fail "$2 has a line \"$7\" without its \"$8\": fix it by hand" ;;
	*) fail "cannot merge into $2" ;;
	esac
}

# prepare_edit N PATH FORMAT KEYS MADEBY: computes the file as the edit
# leaves it (settings in $WORK/spec.N, their lines in fragments/) into the
# work directory. The file must be there: MADEBY names the step of the
# tutorial that makes it, if one does.
prepare_edit() {
	if [ "$ERRORS" -gt 0 ]; then
		return 0 # refused already: nothing to read
	fi
	at "$2"
	if [ ! -f "$AT" ]; then
		if [ -n "$5" ]; then
			fail "$2 is not there to set $4 in: it is made by the step at $5, which install.sh does not do; do that step first"
		else
			fail "$2 is not there to set $4 in: install what brings it first"
		fi
		return 0
	fi
	pe_rc=0
	TFMT=$3 TSPEC=$WORK/spec.$1 TVAL=$HERE/fragments$2 \
		awk "$EDIT_AWK" "$AT" >"$WORK/edit.$1" 2>"$WORK/edit.$1.key" || pe_rc=$?
	case $pe_rc in
	0) ;;
	3) fail "$2 sets $(cat "$WORK/edit.$1.key") more than once: set it by hand" ;;
	5) fail "$2 has no $(cat "$WORK/edit.$1.key") to set, and $3 nests its settings in blocks: set it by hand" ;;
	6) fail "$2 sets $(cat "$WORK/edit.$1.key") in more than one section, and the tutorial names none: set it by hand" ;;
	*) fail "cannot set $4 in $2" ;;
	esac
}
`

const scriptMiddle = `
if [ "$ERRORS" -gt 0 ]; then
	die "nothing changed"
fi
if [ -n "$NOSUM" ]; then
	printf '%s: warning: no sha256sum, shasum or openssl: files not checked\n' "$PROG" >&2
fi
if [ -n "$HAS_OWNERS" ] && [ -z "$IS_ROOT" ]; then
	printf '%s: warning: not running as root: owners and groups not set\n' "$PROG" >&2
fi

# set_attrs PATH MODE OWNER GROUP: gives an existing file or directory the
# mode, owner and group it should have (those given); ATTRS_CHANGED is set
# when it had others.
set_attrs() {
	ATTRS_CHANGED=
	at "$1"
	sa_d=$AT
	sa_a=$(attrs_of "$sa_d")
	sa_mode=${sa_a%% *}
	sa_a=${sa_a#* }
	sa_uid=${sa_a%% *}
	sa_gid=${sa_a#* }
	if [ -n "$2" ] && [ "$2" != "$sa_mode" ]; then
		ATTRS_CHANGED=1
		if [ -z "$DRY" ]; then
			if [ -d "$sa_d" ]; then
				# a numeric mode keeps a directory's set-id bits
				chmod u-s,g-s "$sa_d"
			fi
			chmod "$2" "$sa_d"
		fi
	fi
	if [ -z "$IS_ROOT" ]; then
		return 0
	fi
	if [ -n "$3" ]; then
		sa_id=$(id_of passwd "$3")
		if [ "$sa_id" != "$sa_uid" ]; then
			ATTRS_CHANGED=1
			if [ -z "$DRY" ]; then
				chown "$sa_id" "$sa_d"
			fi
		fi
	fi
	if [ -n "$4" ]; then
		sa_id=$(id_of group "$4")
		if [ "$sa_id" != "$sa_gid" ]; then
			ATTRS_CHANGED=1
			if [ -z "$DRY" ]; then
				chgrp "$sa_id" "$sa_d"
			fi
		fi
	fi
}

# put FROM DEST MODE OWNER GROUP: installs FROM at DEST (a full path,
# links resolved) atomically: a copy in the same directory, given its mode
# and owner, then renamed.
put() {
	put_d=$2
	put_tmp=$put_d.tailor-new
	rm -f "$put_tmp"
	(umask 077 && cp "$1" "$put_tmp") # no one reads a secret before chmod
	chmod "$3" "$put_tmp"
	if [ -n "$IS_ROOT" ]; then
		if [ -n "$4" ]; then
			chown "$(id_of passwd "$4")" "$put_tmp"
		fi
		if [ -n "$5" ]; then
			chgrp "$(id_of group "$5")" "$put_tmp"
		fi
	fi
	mv -f "$put_tmp" "$put_d"
}

# backup PATH: keeps a copy of the file at PATH (through a link) before it
# is replaced, under /var/backups/tailor (mode 0700), away from directories
# whose files are all read (conf.d/*): BACKUPS/PATH, or BACKUPS/PATH.~N~
# when older backups that differ are there, or none when one with the same
# content is there already.
backup() {
	at "$1"
	bk_src=$AT
	bk_b=$ROOT$BACKUPS$1
	bk_n=0
	while [ -e "$bk_b" ] || [ -L "$bk_b" ]; do
		if [ ! -L "$bk_b" ] && [ -f "$bk_b" ] && cmp -s "$bk_src" "$bk_b"; then
			return 0
		fi
		bk_n=$((bk_n + 1))
		bk_b=$ROOT$BACKUPS$1.~$bk_n~
	done
	if [ -z "$DRY" ]; then
		if [ ! -d "$ROOT$BACKUPS" ]; then
			mkdir -p "$ROOT${BACKUPS%/*}"
			(umask 077 && mkdir "$ROOT$BACKUPS")
		fi
		(umask 077 && mkdir -p "${bk_b%/*}")
		cp -p "$bk_src" "$bk_b"
	fi
	say "backup $1 -> ${bk_b#"$ROOT"}"
}

# ensure_dir PATH MODE OWNER GROUP
ensure_dir() {
	at "$1"
	if [ -d "$AT" ]; then
		set_attrs "$@"
		if [ -n "$ATTRS_CHANGED" ]; then
			say "changed $1 $(desc "$2" "$3" "$4")"
		fi
		return 0
	fi
	if [ -z "$DRY" ]; then
		mkdir "$AT"
		set_attrs "$@"
	fi
	say "created directory $1 $(desc "${2:-0755}" "$3" "$4")"
}

# install_file PATH MODE OWNER GROUP: a whole file from rootfs/, written
# through a symbolic link at PATH, which stays.
install_file() {
	if_src=$HERE/rootfs$1
	resolve "$ROOT$1" "$ROOT"
	if_d=$RESOLVED
	if [ -f "$if_d" ] && cmp -s "$if_src" "$if_d"; then
		set_attrs "$@"
		if [ -n "$ATTRS_CHANGED" ]; then
			say "changed $1 $(desc "$2" "$3" "$4")"
		fi
		return 0
	fi
	if_verb=created
	if_mode=${2:-0644}
	if [ -e "$if_d" ]; then
		if_verb=replaced
		if [ -z "$2" ]; then
			if_mode=$(attrs_of "$if_d")
			if_mode=${if_mode%% *}
		fi
		backup "$1"
	fi
	if [ -z "$DRY" ]; then
		put "$if_src" "$if_d" "$if_mode" "$3" "$4"
	fi
	say "$if_verb $1 $(desc "$if_mode" "$3" "$4")"
}

# merge_fragment N PATH MODE OWNER GROUP NEWMODE: the merge prepared by
# prepare_fragment N, written atomically (through a symbolic link at PATH,
# which stays), keeping a backup of the file as it was; a new file gets
# NEWMODE.
merge_fragment() {
	mf_out=$WORK/merge.$1
	resolve "$ROOT$2" "$ROOT"
	mf_d=$RESOLVED
	if [ ! -f "$mf_d" ]; then
		if [ -z "$DRY" ]; then
			put "$mf_out" "$mf_d" "$6" "$4" "$5"
		fi
		say "created $2 with only the merged block $(desc "$6" "$4" "$5")"
		return 0
	fi
	if ! cmp -s "$mf_out" "$mf_d"; then
		backup "$2" # a hand edit inside the block is not lost
		if [ -z "$DRY" ]; then
			mf_a=$(attrs_of "$mf_d")
			mf_mode=${mf_a%% *}
			mf_a=${mf_a#* }
			put "$mf_out" "$mf_d" "$mf_mode" "${mf_a%% *}" "${mf_a#* }"
		fi
		say "merged into $2"
	fi
	set_attrs "$2" "$3" "$4" "$5"
	if [ -n "$ATTRS_CHANGED" ]; then
		say "changed $2 $(desc "$3" "$4" "$5")"
	fi
}

# apply_edit N PATH: the edit prepared by prepare_edit N, written
# atomically in the file's mode and owner, keeping a backup of the file as
# it was.
apply_edit() {
	ae_out=$WORK/edit.$1
	resolve "$ROOT$2" "$ROOT"
	ae_d=$RESOLVED
	if cmp -s "$ae_out" "$ae_d"; then
		return 0
	fi
	backup "$2"
	if [ -z "$DRY" ]; then
		ae_a=$(attrs_of "$ae_d")
		ae_mode=${ae_a%% *}
		ae_a=${ae_a#* }
		put "$ae_out" "$ae_d" "$ae_mode" "${ae_a%% *}" "${ae_a#* }"
	fi
	say "set settings in $2"
}

# remove_path PATH: a file or link the tutorial removes for good, kept as
# a backup first (a link is only named).
remove_path() {
	rp_d=$ROOT$1
	if [ ! -e "$rp_d" ] && [ ! -L "$rp_d" ]; then
		return 0
	fi
	if [ -L "$rp_d" ]; then
		rp_t=$(readlink "$rp_d" && printf x)
		if [ -z "$DRY" ]; then
			rm -f -- "$rp_d"
		fi
		say "removed link $1 (to ${rp_t%?x})"
		return 0
	fi
	backup "$1"
	if [ -z "$DRY" ]; then
		rm -f -- "$rp_d"
	fi
	say "removed $1"
}

# make_link PATH TARGET: a link that was there is named with where it
# led; a file that was there is kept as a backup.
make_link() {
	ml_d=$ROOT$1
	ml_was=
	if [ -L "$ml_d" ]; then
		ml_t=$(readlink "$ml_d" && printf x)
		ml_t=${ml_t%x}
		if [ "${ml_t%?}" = "$2" ]; then
			return 0
		fi
		ml_was=" (was -> ${ml_t%?})"
	elif [ -e "$ml_d" ]; then
		backup "$1"
	fi
	if [ -z "$DRY" ]; then
		ln -sfn -- "$2" "$ml_d"
	fi
	say "linked $1 -> $2$ml_was"
}
`

const scriptTail = `
if [ "$CHANGED" -eq 0 ]; then
	echo "up to date"
fi
if [ "$MISSING_IDS" -gt 0 ]; then
	die "a real run would change nothing until those users and groups exist"
fi
`
