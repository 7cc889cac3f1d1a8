from django import template

register = template.Library()


@register.filter
def inlines_after(inline_admin_formsets, fieldset_name):
    """The inline formsets whose admin says they follow the fieldset called ``fieldset_name``."""
    return [
        formset
        for formset in inline_admin_formsets
        if str(getattr(formset.opts, "after_fieldset", "")) == str(fieldset_name)
    ]


@register.filter
def inlines_unplaced(inline_admin_formsets):
    """Inline formsets that name no fieldset; they go after all fieldsets as usual."""
    return [
        formset
        for formset in inline_admin_formsets
        if not getattr(formset.opts, "after_fieldset", None)
    ]
