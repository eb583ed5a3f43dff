package deploy

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"leitai/generator/internal/config"
)

// An endpoint nobody answers at is one line naming the endpoint, after the
// retries.
func TestUnreachableEndpoint(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	d := config.Deploy{Endpoint: "http://" + addr, Region: "us-east-1", Bucket: "pledges", Prefix: "site/", Addressing: config.Path}
	st := NewS3(d, Credentials{ID: "id", Secret: "s", From: "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY"}, WithRetries(2, time.Millisecond))
	_, err = st.List(context.Background(), "site/")
	if err == nil {
		t.Fatal("listing at a closed port succeeded")
	}
	msg := err.Error()
	if !strings.Contains(msg, "cannot reach http://"+addr+": check deploy.endpoint") || strings.Contains(msg, "\n") {
		t.Errorf("error: %s", msg)
	}
}
