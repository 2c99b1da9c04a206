package infer

import (
	"strings"
	"testing"

	"github.com/tailordocs/tailor/content"
	"github.com/tailordocs/tailor/snippets/prose"
	"github.com/tailordocs/tailor/snippets/tree"
)

// inlines turns "Add the following to “/etc/x“::" into inline nodes:
// text, and “literals“.
func inlines(s string) []content.Inline {
	var out []content.Inline
	off := 0
	for {
		i := strings.Index(s, "``")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "``")
		if j < 0 {
			break
		}
		if i > 0 {
			out = append(out, &content.Text{Span: content.Span{Start: off, End: off + i}, Value: s[:i]})
		}
		lit := s[i+2 : i+2+j]
		out = append(out, &content.Literal{Span: content.Span{Start: off + i, End: off + i + j + 4}, Value: lit})
		off += i + j + 4
		s = s[i+j+4:]
	}
	if s != "" {
		out = append(out, &content.Text{Span: content.Span{Start: off, End: off + len(s)}, Value: s})
	}
	return out
}

func TestRead(t *testing.T) {
	tests := []struct {
		text string
		want string // "op target", "op ref:KIND", or "" for no intent
	}{
		{"Time to configure it. Add the following to ``/etc/opt/$P/settings.py``:", "append /etc/opt/$P/settings.py"},
		{"To turn on TLS, add the following at the end of ``/etc/postfix/main.cf``:", "append /etc/postfix/main.cf"},
		{"Postfix reads logins from ``/etc/postfix/relay_auth``. Create that file with the following contents:", "create ref:that-file"},
		{"Create file ``/etc/nginx/sites-available/$DOMAIN`` with the following contents:", "create /etc/nginx/sites-available/$DOMAIN"},
		{"Afterwards your ``/etc/opt/$P/settings.py`` file should be like this:", "create /etc/opt/$P/settings.py"},
		{"Make sure ``/etc/hosts`` has these contents:", "create /etc/hosts"},
		{"Check that ``/etc/app.conf`` contains the following:", "create /etc/app.conf"},
		{"By default, ``/etc/nginx/nginx.conf`` contains the following:", "create /etc/nginx/nginx.conf describes"},
		{"A typical error in ``/var/log/nginx/error.log`` looks like this:", "create /var/log/nginx/error.log describes"},
		{"Your ``/etc/app.conf`` now looks like this:", "check /etc/app.conf describes"},
		{"Edit ``/etc/app.conf`` so that it looks like this:", "create /etc/app.conf"},
		{"Change ``/etc/nginx/sites-available/$DOMAIN`` to the following (only the port is new):", "create /etc/nginx/sites-available/$DOMAIN"},
		{"I change the fallback configuration to the following, which refuses everything:", "create ref:noun fallback configuration"},
		{"Next, create directory ``/srv/$DOMAIN``, and inside that directory create a file ``robots.txt`` with the following contents:", "create robots.txt in-dir"},
		{"The service is declared by creating file ``/etc/systemd/system/$P.service``, with the following contents:", "create /etc/systemd/system/$P.service"},
		{"Open ``/etc/ssh/sshd_config`` and add this line:", "append /etc/ssh/sshd_config"},
		{"On Apache, add the following before ``ProxyPass /``:", "insert ref:anchor before ProxyPass /"},
		{"and this line at the end of the ``VirtualHost`` section:", "insert ref:anchor block VirtualHost"},
		{"Add the following to the ``[Service]`` section of ``/etc/systemd/system/x.service``:", "insert /etc/systemd/system/x.service block [Service]"},
		{"Save the following as ``/usr/local/bin/backup``:", "create /usr/local/bin/backup"},
		{"Then add these statements to ``/etc/opt/$P/settings.py``:", "append /etc/opt/$P/settings.py"},
		{"Create directory ``/opt/$APP/conf``, and inside it a file ``main.ini`` with the following contents:", "create main.ini in-dir"},
		{"Create a file named ``$DOMAIN`` in that directory with the following content:", "create $DOMAIN in-dir"},
		{"In the same directory, create ``y.conf`` with the following contents:", "create y.conf same-dir"},
		{"Create file ``$CONF_DIR/app.ini`` with the following contents:", "create $CONF_DIR/app.ini"},
		{"If someone comes by the wrong name, I don't want them to see anything, so I change the fallback configuration to the following:", "create ref:noun fallback configuration"},
		{"Then append these lines too:", "append ref:continue"},
		{"Put these two lines at the end of ``/etc/app/settings.py``:", "append /etc/app/settings.py"},
		{"Paste the following into ``/etc/app/x.conf``:", "create /etc/app/x.conf"},
		{"Add:", "append ref:continue"},
		{"Replace the contents of ``/etc/redis/redis.conf`` with:", "create /etc/redis/redis.conf"},
		{"Overwrite ``/etc/x.conf`` with this:", "create /etc/x.conf"},
		{"Create a new file at ``/etc/y.conf``:", "create /etc/y.conf"},
		{"Next, create the timer unit, ``/etc/systemd/system/b.timer``:", "create /etc/systemd/system/b.timer"},
		{"Create ``docker-compose.yml`` in ``/srv/app``:", "create docker-compose.yml dir /srv/app"},
		{"In ``/srv/app``, create a file ``compose.yaml`` with the following contents:", "create compose.yaml dir /srv/app"},
		{"In the ``[DEFAULT]`` section of ``/etc/fail2ban/jail.local``, add:", "insert /etc/fail2ban/jail.local block [DEFAULT]"},
		{"In the ``[sshd]`` section, add:", "insert ref:anchor block [sshd]"},
		{"The final ``/etc/haproxy/haproxy.cfg`` should look like this:", "check /etc/haproxy/haproxy.cfg"},
		{"After these changes, ``/etc/app.conf`` should look like this:", "check /etc/app.conf"},
		{"In ``/etc/mysql/mysqld.cnf``, under the ``[mysqld]`` section, add:", "insert /etc/mysql/mysqld.cnf block [mysqld]"},
		{"Append this to the file as well:", "append ref:continue"},
		{"Scroll to the bottom of the configuration file and add:", "append ref:noun configuration file"},
		{"In ``/etc/postfix/master.cf`` it is present but commented out. Uncomment it and change it so that it reads:", ""},
		{"Add the following line to ``pg_hba.conf``, before the line that starts with ``host all all 127.0.0.1/32``:", ""},
		{"Create the following script as ``/usr/local/bin/healthcheck``:", "create /usr/local/bin/healthcheck"},
		{"Next, create a sample ``index.html`` page inside that directory:", "create index.html in-dir"},
		{"Create the following user as ``deploy``:", ""},
		{"Save the following as ``wsgi.py`` in ``/home/$APP_USER/myproject``:", "create wsgi.py dir /home/$APP_USER/myproject"},
		{"Edit ``/etc/dovecot/conf.d/10-auth.conf`` so it contains:", ""},
		{"The relevant part of ``/etc/ssh/sshd_config`` should look like:", ""},
		{"On the client, ``/etc/wireguard/wg0.conf`` should contain:", ""},
		{"Add the following to the file:", "append ref:continue"},
		{"Find the ``location /`` block and change it to look like this:", ""},
		{"Create the server configuration ``/etc/app/server.ini``:", "create /etc/app/server.ini"},
		{"Create the client configuration file ``/etc/app/client.ini``:", "create /etc/app/client.ini"},
		{"Add the following to the file you downloaded earlier:", ""},
		// not file operations
		{"Open ``/etc/apache2/sites-available/000-default.conf``. Below the ``DocumentRoot`` line, add:", ""},
		{"Add your SSH key:", ""},
		{"Add the following to your shell profile:", ""},
		{"Do not add the following to ``/etc/donot.conf``:", ""},
		{"If ``/etc/maybe.conf`` contains the following, remove it:", ""},
		{"Instead of creating ``/etc/instead.conf`` with the following contents, install the package:", ""},
		{"Make sure ``/etc/check.conf`` contains the following line:", ""},
		{"Edit ``/etc/default/grub`` so that it contains the following line:", ""},
		{"Edit ``/etc/postgresql/15/main/postgresql.conf`` so that it has these settings:", ""},
		{"Never append this to ``/etc/fstab``:", ""},
		{"Open it and you will see that it holds, among others, the following line:", ""},
		{"An example is this:", ""},
		{"The dollar names are placeholders. On my own servers they are these:", ""},
		{"The catch-all behaviour comes from the ``default_server`` flag in these lines:", ""},
		{"A typical project is laid out like this:", ""},
		{"If the relay wants port 465, you also need to add this to turn on wrapper mode:", ""},
		{"Perhaps you will have to change the line to this:", ""},
		{"On your laptop, change ``DEBUG`` to this:", ""},
		{"Install the package like this:", ""},
		{"In nginx, add ``gzip on;`` after ``sendfile on;``, and add", ""},
		{"For example, add this to ``/etc/hosts``:", ""},
		{"Link it from ``sites-enabled``:", ""},
		{"Then your ``/etc/opt/x/settings.py`` file could one day be a single import:", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ss := prose.Read(inlines(tt.text))
			in := read(ss[len(ss)-1], nil).in
			got := describeIntent(in)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func describeIntent(in *Intent) string {
	if in == nil || in.Op == tree.None {
		return ""
	}
	s := string(in.Op)
	switch {
	case in.Target != nil:
		s += " " + in.Target.Text
	case in.Ref == RefThatFile:
		s += " ref:that-file"
	case in.Ref == RefContinue:
		s += " ref:continue"
	case in.Ref == RefNounPhrase:
		s += " ref:noun " + strings.Join(in.NP, " ")
	case in.Ref == RefAnchor:
		s += " ref:anchor"
	}
	if in.InDir {
		s += " in-dir"
	}
	if in.SameDir {
		s += " same-dir"
	}
	if in.Dir != nil {
		s += " dir " + in.Dir.Text
	}
	if in.Describes {
		s += " describes"
	}
	switch in.Place.Where {
	case tree.BeforeLine:
		s += " before " + in.Place.Anchor
	case tree.AfterLine:
		s += " after " + in.Place.Anchor
	case tree.BlockEnd:
		s += " block " + in.Place.Block
	}
	return s
}
