package render

import "leitai/generator/internal/config"

// Filing is the site's filing numbers, which the footer shows when the site is
// hosted in mainland China; empty otherwise, and then the footer is as it
// always was.
func (v *View) Filing() config.Filing { return v.r.cfg.Filing }
