package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// validate runs a file's validate command on its content: the content goes
// into a temporary file (mode 0600) whose path replaces "%s" in the command
// (or ends it). A command whose program is not installed is skipped: the
// check runs where the tool is available.
func validate(command string, data []byte) error {
	args := strings.Fields(command)
	if len(args) == 0 {
		return nil
	}
	if _, err := exec.LookPath(args[0]); err != nil {
		return nil
	}
	f, err := os.CreateTemp("", "tailor-validate-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	placed := false
	for i, a := range args {
		if strings.Contains(a, "%s") {
			args[i] = strings.ReplaceAll(a, "%s", f.Name())
			placed = true
		}
	}
	if !placed {
		args = append(args, f.Name())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, args[0], args[1:]...).CombinedOutput()
	if err == nil {
		return nil
	}
	msg := strings.TrimSpace(strings.ReplaceAll(string(out), f.Name(), "FILE"))
	if lines := strings.Split(msg, "\n"); len(lines) > 3 {
		msg = strings.Join(lines[:3], "; ") + " ..."
	} else {
		msg = strings.Join(lines, "; ")
	}
	var exit *exec.ExitError
	if msg == "" && errors.As(err, &exit) {
		msg = fmt.Sprintf("exit status %d", exit.ExitCode())
	} else if msg == "" {
		msg = err.Error()
	}
	return errors.New(msg)
}
